using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.ChangeLog;

namespace Connect.IntegrationTests.ChangeLog;

/// <summary>A database written before the log existed upgrades in place when a node starts.</summary>
public sealed class ChangeLogUpgradeTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_resources_stored_without_log_entries_When_a_node_starts_Then_each_gets_one_creation_entry_from_its_stored_state_oldest_first()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        Api.Clock.Offset = TimeSpan.FromMinutes(1);
        await Samples.SeedOfferingAsync(Admin, "o-2", productId: "p-2", groupId: "g-2", name: "Other");
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-2"], ["g-2"]))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SAVE10"))).ShouldBe(HttpStatusCode.Created);
        var history = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).Content.ReadAsStringAsync();
        await Api.ExecuteSqlAsync($"TRUNCATE {ChangeLogTable.Name}, {ChangeLogTable.CheckpointsName}"); // as the version before the log left it

        await using (var upgraded = Api.WithWebHostBuilder(_ => { }))
            _ = upgraded.Services; // a node starts on the database
        await using (var another = Api.WithWebHostBuilder(_ => { }))
            _ = another.Services; // and another, which finds nothing left to do

        var entries = (await (await Admin.GetAsync("/changes?limit=100")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray().Select(e => e!).ToList();
        entries.Select(e => (e["resourceType"]!.GetValue<string>(), e["resourceId"]!.GetValue<string>())).Should().Equal(
            ("product", "p-1"), ("productOfferingGroup", "g-1"), ("productOffering", "o-1"),
            ("product", "p-2"), ("productOfferingGroup", "g-2"), ("productOffering", "o-2"), ("productCatalog", "c-1"), ("promoCode", "SAVE10"));
        entries.Should().AllSatisfy(e =>
        {
            e["change"]!.GetValue<string>().Should().Be("CREATED");
            e["version"]!.GetValue<int>().Should().Be(1);
            e["changedBy"]!.GetValue<string>().Should().Be("system");
        });
        foreach (var entry in entries.Where(e => e["resourceType"]!.GetValue<string>() == "productOffering"))
        {
            var id = entry["resourceId"]!.GetValue<string>();
            var current = await (await Admin.GetAsync($"/product-offerings/{id}")).ShouldBe(HttpStatusCode.OK);
            entry["resource"]!.ToJsonString().Should().Be(current.ToJsonString(), "the entry is made from the stored state");
            entry["occurredAt"]!.GetValue<DateTimeOffset>().Should().Be(current["createdAt"]!.GetValue<DateTimeOffset>());
        }
        (await (await Admin.GetAsync("/product-offerings/o-1/status-history")).Content.ReadAsStringAsync()).Should().Be(history,
            "stored status events keep their order");

        await (await Admin.PatchJson("/product-offerings/o-2", """{ "name": "Renamed" }""")).ShouldBe(HttpStatusCode.OK);
        var next = await (await Admin.GetAsync("/changes?resourceType=productOffering&resourceId=o-2")).ShouldBe(HttpStatusCode.OK);
        next["items"]!.AsArray().Select(e => e!["version"]!.GetValue<int>()).Should().Equal(1, 2);
        next["items"]![1]!["fields"]!.AsArray().Select(f => f!.GetValue<string>()).Should().Equal("name", "updatedAt");
    }
}
