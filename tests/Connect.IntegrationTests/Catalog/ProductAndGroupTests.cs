using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

public sealed class ProductAndGroupTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_product_When_created_read_and_patched_Then_each_step_shows_the_change()
    {
        var created = await (await Admin.PostJson("/products", Samples.Product("p-1"))).ShouldBe(HttpStatusCode.Created);
        created["productId"]!.GetValue<string>().Should().Be("p-1");

        await (await Admin.PatchJson("/products/p-1", new { category = "PRODUCT_CATEGORY_TRAVEL_ESIM", features = new { dataMb = 4096 } }))
            .ShouldBe(HttpStatusCode.OK);

        var read = await (await Admin.GetAsync("/products/p-1")).ShouldBe(HttpStatusCode.OK);
        read["category"]!.GetValue<string>().Should().Be("TRAVEL_ESIM");
        read["features"]!["dataMb"]!.GetValue<long>().Should().Be(4096);
        read["features"]!["includedSms"]!.GetValue<long>().Should().Be(500, "a merge patch keeps what it does not mention");
    }

    [Fact]
    public async Task Given_an_offering_When_its_product_changes_category_Then_the_category_filter_follows()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Admin.PatchJson("/products/p-1", new { category = "TRAVEL_ESIM" });

        var list = await (await Admin.GetAsync("/product-offerings?category=TRAVEL_ESIM")).ShouldBe(HttpStatusCode.OK);
        list["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-1");
    }

    [Theory]
    [InlineData("""{ "internalName": "x", "type": "SUBSCRIPTION", "category": "NOT_A_CATEGORY" }""", "category")]
    [InlineData("""{ "internalName": "x", "type": "SUBSCRIPTION" }""", "category")]
    [InlineData("""{ "type": "SUBSCRIPTION", "category": "LICENSE" }""", "internalName")]
    [InlineData("""{ "internalName": "x", "type": "SUBSCRIPTION", "category": "LICENSE", "features": { "countries": ["usa"] } }""", "features.countries[0]")]
    [InlineData("""{ "internalName": "x", "type": "SUBSCRIPTION", "category": "LICENSE", "requirements": { "subscriber.address": "MAYBE" } }""", "requirements.subscriber.address")]
    [InlineData("""{ "internalName": "x", "type": "SUBSCRIPTION", "category": "LICENSE", "features": { "dataMb": -1 } }""", "features.dataMb")]
    public async Task Given_an_invalid_product_When_created_Then_400_names_the_property(string body, string property)
    {
        var problem = await (await Admin.PostJson("/products", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }

    [Fact]
    public async Task Given_groups_When_created_listed_read_and_patched_Then_the_full_form_is_shown()
    {
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-b", "Beta"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-a", "Alpha"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PatchJson("/product-offering-groups/g-b", new { description = "Changed" })).ShouldBe(HttpStatusCode.OK);

        var list = await (await Admin.GetAsync("/product-offering-groups")).ShouldBe(HttpStatusCode.OK);
        list["items"]!.AsArray().Select(g => g!["productOfferingGroupId"]!.GetValue<string>()).Should().Equal("g-a", "g-b");
        var group = await (await Admin.GetAsync("/product-offering-groups/g-b")).ShouldBe(HttpStatusCode.OK);
        group.AsObject().Select(p => p.Key).Should().BeEquivalentTo("productOfferingGroupId", "name", "category", "description", "internalDescription");
        group["description"]!.GetValue<string>().Should().Be("Changed");
        await (await Admin.GetAsync("/product-offering-groups/nope")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-a"))).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }
}
