using System.Net;
using System.Text.Json.Nodes;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// Reads are answered from an in-memory snapshot of the catalog. Whatever a write changes, the very next
/// read on the same node shows it, with a new ETag, and the snapshot shapes offerings and catalogs byte for byte as
/// the commands (which read the database) do.
/// </summary>
public sealed class ReadModelFreshnessTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task SeedAsync()
    {
        await Samples.SeedTwoOfferingsAsync(Admin);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["o-1", "o-2"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
    }

    private async Task<(JsonNode Body, string ETag)> ReadAsync(string url)
    {
        var response = await Admin.GetAsync(url);
        return (await response.ShouldBe(HttpStatusCode.OK), response.Headers.ETag!.Tag);
    }

    /// <summary>Reads both, writes, and returns what the next reads show; the ETags must have moved.</summary>
    private async Task<(JsonNode Offering, JsonNode Catalog)> AfterAsync(Func<Task<HttpResponseMessage>> write)
    {
        var (_, offeringTag) = await ReadAsync("/product-offerings/o-1");
        var (_, catalogTag) = await ReadAsync("/product-catalogs/default");
        await (await write()).ShouldBe(HttpStatusCode.OK);
        var (offering, newOfferingTag) = await ReadAsync("/product-offerings/o-1");
        var (catalog, newCatalogTag) = await ReadAsync("/product-catalogs/default");
        newOfferingTag.Should().NotBe(offeringTag);
        newCatalogTag.Should().NotBe(catalogTag);
        return (offering, catalog);
    }

    private static JsonNode FirstOffering(JsonNode catalog) => catalog["productOfferings"]![0]!;

    [Fact]
    public async Task Given_a_read_catalog_When_an_offering_price_or_name_is_patched_Then_the_next_reads_show_it()
    {
        await SeedAsync();
        var (offering, catalog) = await AfterAsync(() => Admin.PatchJson("/product-offerings/o-1", new { name = "Renamed", price = new { grossPrice = 12m } }));

        offering["name"]!.GetValue<string>().Should().Be("Renamed");
        offering["price"]!["netPrice"]!.GetValue<decimal>().Should().Be(7m);
        FirstOffering(catalog)["name"]!.GetValue<string>().Should().Be("Renamed");
        FirstOffering(catalog)["price"]!["grossPrice"]!.GetValue<decimal>().Should().Be(12m);
    }

    [Fact]
    public async Task Given_a_read_catalog_When_the_offering_product_is_patched_Then_the_next_reads_and_filters_show_it()
    {
        await SeedAsync();
        var (offering, catalog) = await AfterAsync(() => Admin.PatchJson("/products/p-1", new { internalName = "renamed_plan", type = "LICENSE" }));

        offering["product"]!["internalName"]!.GetValue<string>().Should().Be("renamed_plan");
        FirstOffering(catalog)["product"]!["type"]!.GetValue<string>().Should().Be("LICENSE");
        var licenses = await (await Admin.GetAsync("/product-offerings?type=LICENSE")).ShouldBe(HttpStatusCode.OK);
        licenses["items"]!.AsArray().Select(i => i!["product"]!["type"]!.GetValue<string>()).Should().Equal("LICENSE");
    }

    [Fact]
    public async Task Given_a_read_catalog_When_the_group_is_renamed_Then_the_offering_and_the_catalog_show_the_new_name()
    {
        await SeedAsync();
        var (offering, catalog) = await AfterAsync(() => Admin.PatchJson("/product-offering-groups/g-1", new { name = "Renamed plans" }));

        offering["group"]!["name"]!.GetValue<string>().Should().Be("Renamed plans");
        catalog["ProductOfferingGroups"]![0]!["name"]!.GetValue<string>().Should().Be("Renamed plans");
    }

    [Fact]
    public async Task Given_a_read_catalog_When_an_offering_is_archived_and_restored_Then_each_next_read_follows()
    {
        await SeedAsync();
        var (archived, without) = await AfterAsync(() => Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" }));
        archived["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        without["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-2");

        var (restored, with) = await AfterAsync(() => Admin.PostJson("/product-offerings/o-1/restore", new { }));
        restored["status"]!.GetValue<string>().Should().Be("AVAILABLE");
        with["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-1", "o-2");
    }

    [Fact]
    public async Task Given_a_read_default_catalog_When_its_offerings_and_default_mark_change_Then_the_next_read_follows()
    {
        await SeedAsync();
        await ReadAsync("/product-catalogs/default");
        await (await Admin.PostJson("/product-offerings", Samples.Offering("o-new", "p-1", "g-1", name: "Brand new"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PatchJson("/product-catalogs/us", new { productOfferingIds = new[] { "o-new", "o-2" } })).ShouldBe(HttpStatusCode.OK);

        var (patched, _) = await ReadAsync("/product-catalogs/default");
        patched["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-new", "o-2");

        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us-2", ["o-1"], [], name: "Second"))).ShouldBe(HttpStatusCode.Created);
        (await ReadAsync("/product-catalogs/default")).Body["productCatalogId"]!.GetValue<string>().Should().Be("us-2", "the new default took the mark");

        await (await Admin.PatchJson("/product-catalogs/us-2", new { isDefault = false })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.GetAsync("/product-catalogs/default")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_a_read_offering_When_any_Marten_session_appends_its_status_event_Then_the_next_read_shows_it()
    {
        await SeedAsync();
        await ReadAsync("/product-offerings/o-1");
        await using (var session = Api.Store.LightweightSession())
        {
            session.Events.Append("o-1", new ProductOfferingArchived("by hand", "test", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        (await ReadAsync("/product-offerings/o-1")).Body["status"]!.GetValue<string>().Should().Be("ARCHIVED");
    }

    [Fact]
    public async Task Given_commands_that_answer_from_the_database_When_the_same_resources_are_read_Then_bytes_and_ETags_are_identical()
    {
        await SeedAsync();
        await Admin.PostJson("/promo-codes", Samples.PromoCode("OTHERS", appliesTo: new { productOfferingIds = new[] { "o-2" } }));
        // Metadata keys in the order jsonb stores them (shorter first): a command answers with the order it was sent in.
        var patchedOffering = await Admin.PatchJson("/product-offerings/o-1", new { metadata = new { n = 1.50m, tier = "gold" } });
        var patchedCatalog = await Admin.PatchJson("/product-catalogs/us", new { description = "Patched" });

        foreach (var (written, url) in new[] { (patchedOffering, "/product-offerings/o-1"), (patchedOffering, "/product-offerings/o-1?promoCode=OTHERS"),
                     (patchedCatalog, "/product-catalogs/us") })
        {
            var read = await Admin.GetAsync(url);
            (await read.Content.ReadAsByteArrayAsync()).Should().Equal(await written.Content.ReadAsByteArrayAsync(), url);
            read.Headers.ETag!.Tag.Should().Be(written.Headers.ETag!.Tag, url);
        }
    }

    [Fact]
    public async Task Given_readers_hammering_an_offering_When_it_is_patched_20_times_Then_each_next_read_shows_the_latest_patch()
    {
        await SeedAsync();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            var client = Api.Client();
            while (!stop.IsCancellationRequested)
                (await client.GetAsync("/product-offerings/o-1")).StatusCode.Should().Be(HttpStatusCode.OK);
        })).ToList();

        for (var i = 1; i <= 20; i++)
        {
            await (await Admin.PatchJson("/product-offerings/o-1", new { name = $"Version {i}" })).ShouldBe(HttpStatusCode.OK);
            (await ReadAsync("/product-offerings/o-1")).Body["name"]!.GetValue<string>().Should().Be($"Version {i}");
            (await ReadAsync("/product-catalogs/us")).Body["productOfferings"]![0]!["name"]!.GetValue<string>().Should().Be($"Version {i}");
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);
    }
}
