using System.Diagnostics;
using System.Net;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// Each node loads the catalog once and then follows the change log: a change is applied by re-reading only the
/// resources its entries name, into a snapshot that shares every untouched entry with the one before, and the
/// list's orders stay exactly PostgreSQL's.
/// </summary>
public sealed class ReadModelFollowsLogTests(ConnectApiFactory api) : ApiTest(api)
{
    private static readonly string[] Names = ["b", "B", "a b", "a-b", "Ä", "a", "10", "9", "é", "e", "Z", "ab", "a_b"];

    private CatalogReadModel Model => Api.Services.GetRequiredService<CatalogReadModel>();

    private int Loads => Api.Logs.Lines.Count(l => l.Contains("Loaded the catalog", StringComparison.Ordinal));

    private async Task SeedAsync()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        for (var i = 0; i < Names.Length; i++)
            await (await Admin.PostJson("/product-offerings", Samples.Offering($"o-{i + 1}", "p-1", name: Names[i], gross: 10m + i % 3, discount: 0m)))
                .ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["o-1", "o-2"], []))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_loaded_catalog_When_one_offering_is_patched_Then_the_new_snapshot_shares_every_untouched_entry_without_a_reload()
    {
        await SeedAsync();
        var before = Model.Latest!;
        var loads = Loads;

        await (await Admin.PatchJson("/product-offerings/o-5", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);

        var after = Model.Latest!;
        after.Position.Should().BeGreaterThan(before.Position, "the writer answered once its entry was applied");
        after.Offering("o-5")!.Document.Name.Should().Be("Renamed");
        foreach (var id in new[] { "o-1", "o-2", "o-4", "o-13" })
            after.Offering(id).Should().BeSameAs(before.Offering(id), $"{id} did not change");
        after.Catalog("us").Should().BeSameAs(before.Catalog("us"), "the catalog does not list o-5");
        Loads.Should().Be(loads, "the change was applied, not the whole catalog read again");
    }

    [Fact]
    public async Task Given_offerings_whose_names_sort_differently_by_collation_When_renamed_added_and_archived_Then_every_order_is_PostgreSQL_s()
    {
        await SeedAsync();
        var loads = Loads;
        string[] renames = ["a", "Ä", "A", "b", "_", "a b", "é", "E"];
        for (var i = 0; i < renames.Length; i++)
            await (await Admin.PatchJson($"/product-offerings/o-{i * 2 % Names.Length + 1}", new { name = renames[i], price = new { grossPrice = 20m - i % 4 } }))
                .ShouldBe(HttpStatusCode.OK);
        foreach (var (id, name) in new[] { ("o-20", "Ab"), ("o-21", "a-b"), ("O-22", "b"), ("o-03", "9") })
            await (await Admin.PostJson("/product-offerings", Samples.Offering(id, "p-1", name: name, gross: 11m, discount: 0m))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-offerings/o-4/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);

        await ShouldListAsPostgreSqlSortsAsync();
        Loads.Should().Be(loads, "every change was applied in place");
    }

    private async Task ShouldListAsPostgreSqlSortsAsync()
    {
        await using var session = Api.Store.QuerySession();
        var all = session.Query<OfferingDocument>();
        foreach (var (sort, expected) in new (string, IQueryable<OfferingDocument>)[]
                 {
                     ("name", all.OrderBy(o => o.Name).ThenBy(o => o.Id)), ("-name", all.OrderByDescending(o => o.Name).ThenBy(o => o.Id)),
                     ("createdAt", all.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)), ("-createdAt", all.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)),
                     ("updatedAt", all.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)), ("-updatedAt", all.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id)),
                     ("netPrice", all.OrderBy(o => o.NetPrice).ThenBy(o => o.Id)), ("-netPrice", all.OrderByDescending(o => o.NetPrice).ThenBy(o => o.Id)),
                 })
        {
            var shown = new List<string>();
            for (var offset = 0; ; offset += 100)
            {
                var page = await (await Admin.GetAsync($"/product-offerings?sort={sort}&status=ALL&limit=100&offset={offset}")).ShouldBe(HttpStatusCode.OK);
                var items = page["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>()).ToList();
                shown.AddRange(items);
                if (items.Count < 100) break;
            }
            shown.Should().Equal(await expected.Select(o => o.Id).ToListAsync(), sort);
        }
    }

    [Fact]
    public async Task Given_1200_offerings_When_names_and_prices_change_Then_the_search_over_neighbours_keeps_every_order_PostgreSQL_s()
    {
        await SeedAsync();
        await using (var session = Api.Store.LightweightSession())
        {
            var template = await session.LoadAsync<OfferingDocument>("o-1");
            for (var i = 0; i < 1200; i++)
            {
                var copy = await session.LoadAsync<OfferingDocument>("o-1");
                copy!.Id = $"bulk-{i:0000}";
                copy.Name = Names[i % Names.Length] + (i % 7 == 0 ? "" : $" {i % 97}");
                copy.NetPrice = template!.NetPrice + i % 11;
                copy.CreatedAt = copy.UpdatedAt = template.CreatedAt.AddTicks(i * 10 + 3);
                session.Store(copy);
            }
            await session.SaveChangesAsync();
        }
        await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        var loads = Loads;

        foreach (var (id, name) in new[] { ("bulk-0001", "a"), ("bulk-0500", "Ä 5"), ("bulk-0999", "b 1"), ("o-3", "é 50"), ("bulk-0002", "B") })
            await (await Admin.PatchJson($"/product-offerings/{id}", new { name, price = new { grossPrice = 14m } })).ShouldBe(HttpStatusCode.OK);

        await ShouldListAsPostgreSqlSortsAsync();
        Loads.Should().Be(loads, "every change was applied in place");
    }

    [Fact]
    public async Task Given_two_nodes_When_offerings_are_patched_on_one_Then_the_other_applies_each_within_250_ms_without_being_read()
    {
        await SeedAsync();
        await using var node = Api.WithWebHostBuilder(_ => { });
        var second = await SecondNode.ListeningClientAsync(node);
        await (await second.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        var model = node.Services.GetRequiredService<CatalogReadModel>();

        var slowest = TimeSpan.Zero;
        for (var i = 1; i <= 5; i++)
        {
            await (await Admin.PatchJson("/product-offerings/o-1", new { name = $"Version {i}" })).ShouldBe(HttpStatusCode.OK);
            var watch = Stopwatch.StartNew();
            while (model.Latest!.Offering("o-1")!.Document.Name != $"Version {i}" && watch.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(2);
            model.Latest!.Offering("o-1")!.Document.Name.Should().Be($"Version {i}");
            if (watch.Elapsed > slowest) slowest = watch.Elapsed;
        }
        slowest.Should().BeLessThan(TimeSpan.FromMilliseconds(250), "the NOTIFY wakes the other node, which applies the entry at once");
    }

    [Fact]
    public async Task Given_a_catalog_followed_through_many_changes_When_a_new_node_loads_it_from_the_database_Then_it_serves_the_same_bytes()
    {
        await SeedAsync();
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-9", name: "Later group"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PatchJson("/product-offerings/o-2", new { productOfferingGroupId = "g-9", metadata = new { tier = "gold" } })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offering-groups/g-9", new { name = "Renamed group" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/products/p-1", new { internalName = "renamed_plan" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-catalogs/us", new { productOfferingIds = new[] { "o-3", "o-2" }, productOfferingGroupIds = new[] { "g-9" } }))
            .ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-3/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        string[] urls = ["/product-offerings/o-2", "/product-offerings/o-3", "/product-catalogs/us", "/product-catalogs/default",
            "/product-offerings?sort=-name&status=ALL&limit=100", "/product-offerings?sort=netPrice&limit=100"];
        var followed = new List<byte[]>();
        foreach (var url in urls) followed.Add(await (await Admin.GetAsync(url)).Content.ReadAsByteArrayAsync());

        await using var node = Api.WithWebHostBuilder(_ => { });
        var fresh = Api.ClientFor(node);
        for (var i = 0; i < urls.Length; i++)
            (await (await fresh.GetAsync(urls[i])).Content.ReadAsByteArrayAsync()).Should().Equal(followed[i], urls[i]);
    }
}
