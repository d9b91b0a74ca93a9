using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Errors;

/// <summary>Bodies, ids and amounts at the edges of the rules: refused with a 400 or stored and shown exactly.</summary>
public sealed class EdgeInputTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("""{ "name": "a", "name": "b" }""")]
    [InlineData("""{ "price": { "grossPrice": 1, "grossPrice": 2 } }""")]
    [InlineData("""{ "metadata": { "x": 1, "x": 2 } }""")]
    public async Task Given_a_property_twice_When_patching_or_creating_Then_400_not_500(string body)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PatchJson("/product-offerings/o-1", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.PostJson("/product-offering-groups", """{ "name": "a", "name": "b" }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_NUL_characters_in_text_ids_or_query_When_sent_Then_400_and_nothing_stored()
    {
        await (await Admin.PostJson("/product-offering-groups", """{ "productOfferingGroupId": "g", "name": "a\u0000b" }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.GetAsync("/product-offering-groups/g")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.GetAsync("/product-offerings?productOfferingGroupId=a%00b")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.PostJson("/product-catalogs", """{ "name": "c", "customerType": "CONSUMER", "productOfferingIds": ["a\u0000"] }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_metadata_nested_deeper_than_allowed_When_stored_Then_400_and_lists_stay_readable()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        static string Nest(int levels) => string.Concat(Enumerable.Repeat("{\"a\":", levels)) + "1" + new string('}', levels);

        var problem = await (await Admin.PatchJson("/product-offerings/o-1", $$"""{ "metadata": { "k": {{Nest(9)}} } }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain("metadata");

        await (await Admin.PatchJson("/product-offerings/o-1", $$"""{ "metadata": { "k": {{Nest(8)}} } }""")).ShouldBe(HttpStatusCode.OK);
        await Admin.PostJson("/product-catalogs", Samples.Catalog("c", ["o-1"], []));
        await (await Admin.GetAsync("/product-offerings?limit=1000")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_an_offset_past_the_end_When_listing_Then_total_still_counts_every_match()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Samples.SeedOfferingAsync(Admin, "o-2");
        foreach (var path in new[] { "/product-offerings?offset=10", "/product-offering-groups?offset=10" })
        {
            var body = await (await Admin.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
            body["items"]!.AsArray().Should().BeEmpty();
            body["pagination"]!["total"]!.GetValue<long>().Should().Be(path.Contains("groups") ? 1 : 2, path);
        }
    }

    [Fact]
    public async Task Given_amounts_with_trailing_zeros_When_stored_Then_shown_with_the_currency_minor_units()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        var created = await Admin.PostJson("/product-offerings", """
            { "productOfferingId": "o-1", "name": "x", "productId": "p-1", "customerType": "CONSUMER",
              "price": { "currency": "USD", "priceType": "ONE_TIME", "grossPrice": 5.0000, "discount": 1.00000, "taxIncluded": true } }
            """);
        var text = await created.Content.ReadAsStringAsync();
        created.StatusCode.Should().Be(HttpStatusCode.Created, text);
        text.Should().Contain("\"grossPrice\":5.00,").And.Contain("\"discount\":1.00,").And.Contain("\"netPrice\":4.00,");
    }

    [Theory]
    [InlineData("/product-offering-groups", """{ "productOfferingGroupId": "nl\n", "name": "x" }""", "productOfferingGroupId")]
    [InlineData("/product-catalogs", """{ "productCatalogId": "c", "name": "x", "customerType": "CONSUMER", "locale": "en-US\n" }""", "locale")]
    [InlineData("/product-catalogs", """{ "productCatalogId": "DEFAULT", "name": "x", "customerType": "CONSUMER" }""", "productCatalogId")]
    [InlineData("/products", """{ "internalName": "x", "type": "LICENSE", "category": "LICENSE", "features": { "countries": [null] } }""", "features.countries[0]")]
    public async Task Given_values_that_slipped_past_the_rules_When_created_Then_400(string path, string body, string property)
    {
        var problem = await (await Admin.PostJson(path, body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }
}
