using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Errors;

/// <summary>
/// An enum field takes exactly one of its wire names (spec §2): a comma-joined list or a number is a 400,
/// and the refused request leaves every resource and the catalog readable as before.
/// </summary>
public sealed class EnumInputTests(ConnectApiFactory api) : ApiTest(api)
{
    private static readonly string[] NotOneNameValues = ["\"SUBSCRIPTION_ADDON, LICENSE\"", "\"SUBSCRIPTION,LICENSE\"", "2", "6", "\"2\"", "\"\"", "\"subscription\""];

    public static TheoryData<string> NotOneName => new(NotOneNameValues);

    [Theory]
    [MemberData(nameof(NotOneName))]
    public async Task Given_a_listed_product_When_its_type_is_patched_to_anything_but_one_name_Then_400_and_the_catalog_still_reads(string type)
    {
        await SeedDefaultCatalogAsync();
        var before = await ReadAllAsync();

        var problem = await (await Admin.PatchJson("/products/p-1", $$"""{ "type": {{type}} }""")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain("type");
        (await ReadAllAsync()).Should().Equal(before);
        await (await Admin.PatchJson("/products/p-1", """{ "type": "SUBSCRIPTION_TOPUP" }""")).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/products", """{ "internalName": "x", "type": "SUBSCRIPTION", "category": "SUBSCRIPTION_CELL", "features": { "activationType": VALUE } }""", "features.activationType")]
    [InlineData("/products", """{ "internalName": "x", "type": "SUBSCRIPTION", "category": VALUE }""", "category")]
    [InlineData("/products", """{ "internalName": "x", "type": "SUBSCRIPTION", "category": "SUBSCRIPTION_CELL", "requirements": { "id": VALUE } }""", "requirements.id")]
    [InlineData("/product-offering-groups", """{ "name": "x", "category": VALUE }""", "category")]
    [InlineData("/api-keys", """{ "name": "x", "scopes": ["catalog:read"], "customerType": VALUE, "locale": "en-US" }""", "customerType")]
    [InlineData("/promo-codes", """{ "code": "SAVE10", "discountType": VALUE, "value": 10, "appliesTo": {} }""", "discountType")]
    [InlineData("/promo-codes", """{ "code": "SAVE10", "discountType": "PERCENTAGE", "value": 10, "appliesTo": { "types": [VALUE] } }""", "appliesTo.types[0]")]
    [InlineData("/product-catalogs", """{ "name": "x", "customerType": VALUE, "isDefault": false, "productOfferingIds": [], "productOfferingGroupIds": [] }""", "customerType")]
    public async Task Given_a_create_with_an_enum_that_is_not_one_name_When_posted_Then_400_naming_the_field(string path, string template, string property)
    {
        foreach (var value in NotOneNameValues)
        {
            var problem = await (await Admin.PostJson(path, template.Replace("VALUE", value))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
            problem.ErrorProperties().Should().Contain(property, "the body had {0}", value);
        }
        if (path != "/products") // products have no list
            (await (await Admin.GetAsync(path)).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray()
                .Should().HaveCount(path == "/api-keys" ? 1 : 0, "nothing was created");
    }

    [Theory]
    [InlineData("customerType", "\"CONSUMER, BUSINESS\"")]
    [InlineData("customerType", "3")]
    [InlineData("addonCategories", "[\"EXTRA_DATA, LICENSE\"]")]
    [InlineData("price", """{ "currency": "USD", "priceType": "ONE_TIME, RECURRING", "grossPrice": 1, "taxIncluded": true }""")]
    [InlineData("price", """{ "currency": "USD", "priceType": "RECURRING", "grossPrice": 1, "taxIncluded": true, "billingCycle": { "period": "DAILY, WEEKLY", "interval": 1 } }""")]
    public async Task Given_a_listed_offering_When_an_enum_field_is_patched_to_a_list_or_number_Then_400_and_nothing_changes(string property, string value)
    {
        await SeedDefaultCatalogAsync();
        var before = await ReadAllAsync();

        await (await Admin.PatchJson("/product-offerings/o-1", $$"""{ "{{property}}": {{value}} }""")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        (await ReadAllAsync()).Should().Equal(before);
    }

    [Fact]
    public async Task Given_a_name_in_lower_case_When_posted_Then_400_and_a_category_in_its_long_form_is_written_in_the_short_one()
    {
        await (await Admin.PostJson("/products", """{ "internalName": "x", "type": "subscription", "category": "EXTRA_DATA" }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var created = await (await Admin.PostJson("/products", """{ "internalName": "x", "type": "SUBSCRIPTION", "category": "PRODUCT_CATEGORY_EXTRA_DATA" }"""))
            .ShouldBe(HttpStatusCode.Created);

        created["category"]!.GetValue<string>().Should().Be("EXTRA_DATA");
    }

    private async Task SeedDefaultCatalogAsync()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
    }

    /// <summary>Every representation the seeded data shows, as the bytes a client reads.</summary>
    private async Task<List<string>> ReadAllAsync()
    {
        var reads = new List<string>();
        foreach (var path in new[] { "/products/p-1", "/product-offerings/o-1", "/product-offerings", "/product-catalogs/default", "/product-catalogs/c-1", "/product-catalogs" })
        {
            var response = await Admin.GetAsync(path);
            await response.ShouldBe(HttpStatusCode.OK);
            reads.Add(await response.Content.ReadAsStringAsync());
        }
        return reads;
    }
}
