using System.Net;
using System.Text.Json.Nodes;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// An offering listed by a catalog keeps that catalog's customer type: changing it is refused (409, naming the
/// catalogs) until it is taken out of them. A catalog PATCH checks only what it changes, so an offering listed
/// before (whatever its customer type now) never blocks a PATCH of the catalog's name.
/// </summary>
public sealed class OfferingCustomerTypeTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task SeedAsync()
    {
        await Samples.SeedTwoOfferingsAsync(Admin);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["o-1", "o-2"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us-web", ["o-1"], [], isDefault: false, name: "Web"))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<string> CustomerTypeOf(string offeringId) =>
        (await (await Admin.GetAsync($"/product-offerings/{offeringId}")).ShouldBe(HttpStatusCode.OK))["customerType"]!.GetValue<string>();

    private static IEnumerable<string> Shown(JsonNode catalog) =>
        catalog["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>());

    [Fact]
    public async Task Given_an_offering_listed_by_consumer_catalogs_When_its_customerType_is_patched_to_business_Then_409_names_the_catalogs_and_nothing_changes()
    {
        await SeedAsync();

        var problem = await (await Admin.PatchJson("/product-offerings/o-1", new { customerType = "BUSINESS" }))
            .ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        problem["detail"]!.GetValue<string>().Should().Contain("'us'").And.Contain("'us-web'");
        (await CustomerTypeOf("o-1")).Should().Be("CONSUMER");
        await (await Admin.PatchJson("/product-catalogs/us", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_an_offering_taken_out_of_its_catalogs_When_its_customerType_is_patched_Then_it_changes_and_the_catalogs_stay_patchable()
    {
        await SeedAsync();
        await (await Admin.PatchJson("/product-catalogs/us", new { productOfferingIds = new[] { "o-2" } })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-catalogs/us-web", new { productOfferingIds = Array.Empty<string>() })).ShouldBe(HttpStatusCode.OK);

        await (await Admin.PatchJson("/product-offerings/o-1", new { customerType = "BUSINESS" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Still business" })).ShouldBe(HttpStatusCode.OK);

        (await CustomerTypeOf("o-1")).Should().Be("BUSINESS");
        var renamed = await (await Admin.PatchJson("/product-catalogs/us", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);
        Shown(renamed).Should().Equal("o-2");
    }

    /// <summary>Stored before the rule, or by a catalog PATCH that raced the offering's change.</summary>
    private async Task MakeListedOfferingBusinessAsync(string offeringId)
    {
        await using var session = Api.Store.LightweightSession();
        var offering = (await session.LoadAsync<OfferingDocument>(offeringId))!;
        offering.CustomerType = CustomerType.Business;
        session.Store(offering);
        await session.SaveChangesAsync();
    }

    [Fact]
    public async Task Given_a_consumer_catalog_listing_an_offering_that_became_business_When_the_catalog_name_or_order_is_patched_Then_it_succeeds_and_shows_only_consumer_offerings()
    {
        await SeedAsync();
        await MakeListedOfferingBusinessAsync("o-1");

        var renamed = await (await Admin.PatchJson("/product-catalogs/us", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);
        var reordered = await (await Admin.PatchJson("/product-catalogs/us", new { productOfferingIds = new[] { "o-2", "o-1" } })).ShouldBe(HttpStatusCode.OK);

        renamed["name"]!.GetValue<string>().Should().Be("Renamed");
        Shown(renamed).Should().Equal("o-2");
        Shown(reordered).Should().Equal("o-2");
        Shown(await (await Admin.GetAsync("/product-catalogs/us")).ShouldBe(HttpStatusCode.OK)).Should().Equal("o-2");
    }

    [Fact]
    public async Task Given_a_consumer_catalog_When_a_patch_adds_a_business_offering_or_changes_its_customerType_away_from_its_offerings_Then_400()
    {
        await SeedAsync();
        await Samples.SeedOfferingAsync(Admin, "o-b", productId: "p-b", customerType: "BUSINESS");

        var added = await (await Admin.PatchJson("/product-catalogs/us", new { productOfferingIds = new[] { "o-1", "o-2", "o-b" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var retyped = await (await Admin.PatchJson("/product-catalogs/us", new { customerType = "BUSINESS" }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        added.ToJsonString().Should().Contain("o-b");
        retyped.ToJsonString().Should().Contain("o-1").And.Contain("o-2");
    }
}
