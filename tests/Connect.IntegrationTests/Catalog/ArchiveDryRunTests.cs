using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary><c>archive?dryRun=true</c> tells what an archive would do to catalogs, promo codes and add-ons, and changes nothing (spec §10).</summary>
public sealed class ArchiveDryRunTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_subscription_that_catalogs_codes_and_add_ons_depend_on_When_its_archive_is_dry_run_Then_the_impact_is_listed_and_nothing_changes()
    {
        await SeedAsync();
        var before = await SnapshotAsync();

        var impact = await (await Admin.PostJson("/product-offerings/o-cell/archive?dryRun=true", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);

        impact["wouldChange"]!.GetValue<bool>().Should().BeTrue();
        impact["conflict"].Should().BeNull();
        impact["catalogs"]!.AsArray().Select(c => (c!["productCatalogId"]!.GetValue<string>(), c["isDefault"]!.GetValue<bool>(), c["availableOfferingsAfter"]!.GetValue<int>()))
            .Should().Equal(("c-1", true, 3), ("c-2", false, 0));
        impact["promoCodes"]!.AsArray().Select(c => (c!["code"]!.GetValue<string>(), c["leftWithoutAvailableTargets"]!.GetValue<bool>()))
            .Should().Equal(("EVERYONE", false), ("ONLYCELL", true));
        impact["strandedAddons"]!.AsArray().Select(a => (a!["productOfferingId"]!.GetValue<string>(), a["productCatalogId"]!.GetValue<string>()))
            .Should().Equal([("o-cell-addon", "c-1")], "the data-SIM add-on still has its subscription");
        (await SnapshotAsync()).Should().Equal(before, "a dry run writes nothing, not even a change log entry");
    }

    [Fact]
    public async Task Given_an_archived_offering_or_no_reason_When_dry_run_Then_the_conflict_is_named_or_400()
    {
        await SeedAsync();
        await (await Admin.PostJson("/product-offerings/o-data/archive", new { reason = "gone" })).ShouldBe(HttpStatusCode.OK);

        var impact = await (await Admin.PostJson("/product-offerings/o-data/archive?dryRun=true", new { reason = "again" })).ShouldBe(HttpStatusCode.OK);
        impact["wouldChange"]!.GetValue<bool>().Should().BeFalse();
        impact["conflict"]!.GetValue<string>().Should().Contain("already ARCHIVED");
        (await (await Admin.PostJson("/product-offerings/o-cell/archive?dryRun=true", new { })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
            .ErrorProperties().Should().Contain("reason");
        await (await Admin.PostJson("/product-offerings/nope/archive?dryRun=true", new { reason = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    private async Task SeedAsync()
    {
        await (await Admin.PostJson("/products", Samples.Product("p-cell", "SUBSCRIPTION", "SUBSCRIPTION_CELL"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/products", Samples.Product("p-data", "SUBSCRIPTION", "SUBSCRIPTION_DATA_SIM"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/products", Samples.Product("p-addon", "SUBSCRIPTION_ADDON", "EXTRA_DATA"))).ShouldBe(HttpStatusCode.Created);
        await OfferingAsync("o-cell", "p-cell", []);
        await OfferingAsync("o-data", "p-data", []);
        await OfferingAsync("o-cell-addon", "p-addon", ["SUBSCRIPTION_CELL"]);
        await OfferingAsync("o-data-addon", "p-addon", ["SUBSCRIPTION_DATA_SIM"]);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-cell", "o-cell-addon", "o-data-addon", "o-data"], []))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-2", ["o-cell"], [], isDefault: false))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("ONLYCELL", appliesTo: new { productOfferingIds = new[] { "o-cell" } }))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("EVERYONE"))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task OfferingAsync(string id, string productId, string[] addonCategories) =>
        await (await Admin.PostJson("/product-offerings", new
        {
            productOfferingId = id, name = id, productId, customerType = "CONSUMER", addonCategories,
            price = new { currency = "USD", priceType = "ONE_TIME", grossPrice = 10m, discount = 0m, taxIncluded = true },
        })).ShouldBe(HttpStatusCode.Created);

    private async Task<List<string>> SnapshotAsync()
    {
        var reads = new List<string>();
        foreach (var path in new[] { "/product-offerings/o-cell", "/product-offerings/o-cell/status-history", "/product-catalogs/c-1", "/promo-codes/ONLYCELL", "/changes?limit=1000" })
            reads.Add(await (await Admin.GetAsync(path)).Content.ReadAsStringAsync());
        return reads;
    }
}
