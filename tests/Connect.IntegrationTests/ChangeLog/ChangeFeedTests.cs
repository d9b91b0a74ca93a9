using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.ChangeLog;

/// <summary>Every committed change is one entry of one ordered log (spec §7), read with cursors.</summary>
public sealed class ChangeFeedTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_each_kind_of_change_When_the_log_is_read_Then_each_is_one_entry_in_order_with_its_version_fields_and_resource()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PatchJson("/products/p-1", """{ "networkProviderId": "net-2" }""")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offering-groups/g-1", """{ "description": "only the group reads differently" }""")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offering-groups/g-1", """{ "name": "Plans" }""")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-1/restore", new { })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-2", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);

        var entries = await ReadAllAsync(Admin);

        entries.Select(e => (Type(e), Id(e), Kind(e), Version(e))).Should().Equal(
            ("product", "p-1", "CREATED", 1), ("productOfferingGroup", "g-1", "CREATED", 1), ("productOffering", "o-1", "CREATED", 1),
            ("productCatalog", "c-1", "CREATED", 1),
            ("product", "p-1", "UPDATED", 2), ("productOffering", "o-1", "UPDATED", 2),
            ("productOfferingGroup", "g-1", "UPDATED", 2),
            ("productOfferingGroup", "g-1", "UPDATED", 3), ("productOffering", "o-1", "UPDATED", 3),
            ("productOffering", "o-1", "ARCHIVED", 4), ("productOffering", "o-1", "RESTORED", 5),
            // One commit: the mark leaves c-1 as c-2 takes it.
            ("productCatalog", "c-1", "UPDATED", 2), ("productCatalog", "c-2", "CREATED", 1));
        entries.Select(e => e["sequence"]!.GetValue<long>()).Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        Fields(entries[5]).Should().Equal("product");
        Fields(entries[8]).Should().Equal("group");
        Fields(entries[11]).Should().Contain("isDefault").And.Contain("updatedAt");
        entries[9]["reason"]!.GetValue<string>().Should().Be("end of sale");
        entries[9]["changedBy"]!.GetValue<string>().Should().Be("bootstrap");
        Fields(entries[2]).Should().Contain(["productOfferingId", "price", "product", "status"]);
        entries[11]["resource"]!["productOfferingIds"]!.AsArray().Select(i => i!.GetValue<string>()).Should().Equal("o-1");
        var offering = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        entries[10]["resource"]!.ToJsonString().Should().Be(offering.ToJsonString(), "the entry holds the offering exactly as GET answers it");
    }

    [Fact]
    public async Task Given_promo_code_changes_When_a_key_without_pricing_write_reads_Then_they_are_left_out_and_the_cursor_moves_past_them()
    {
        await (await Admin.PostJson("/products", Samples.Product("p-1"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SAVE10"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes/SAVE10/deactivate", new { reason = "over" })).ShouldBe(HttpStatusCode.OK);
        var shop = await Api.ClientWithKeyAsync([CatalogRead]);

        var forShop = await (await shop.GetAsync("/changes")).ShouldBe(HttpStatusCode.OK);
        var forAdmin = await ReadAllAsync(Admin);

        forShop["items"]!.AsArray().Select(e => Type(e!)).Should().Equal("product");
        var after = await (await shop.GetAsync($"/changes?after={forShop["pagination"]!["nextCursor"]}")).ShouldBe(HttpStatusCode.OK);
        after["items"]!.AsArray().Should().BeEmpty("the cursor is already past the promo code entries");
        forAdmin.Select(e => (Type(e), Kind(e))).Should().Equal(("product", "CREATED"), ("promoCode", "CREATED"), ("promoCode", "DEACTIVATED"));
        forAdmin[2]["reason"]!.GetValue<string>().Should().Be("over");
    }

    [Fact]
    public async Task Given_a_resource_filter_and_small_pages_When_read_with_cursors_Then_one_resources_history_comes_in_pages()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        foreach (var name in new[] { "a", "b", "c" })
            await (await Admin.PatchJson("/product-offerings/o-1", $$"""{ "name": "{{name}}" }""")).ShouldBe(HttpStatusCode.OK);

        var first = await (await Admin.GetAsync("/changes?resourceType=productOffering&resourceId=o-1&limit=2")).ShouldBe(HttpStatusCode.OK);
        var second = await (await Admin.GetAsync($"/changes?resourceType=productOffering&resourceId=o-1&limit=2&after={first["pagination"]!["nextCursor"]}"))
            .ShouldBe(HttpStatusCode.OK);

        first["pagination"]!["hasMore"]!.GetValue<bool>().Should().BeTrue();
        second["pagination"]!["hasMore"]!.GetValue<bool>().Should().BeFalse();
        first["items"]!.AsArray().Concat(second["items"]!.AsArray()).Select(e => Version(e!)).Should().Equal(1, 2, 3, 4);
        second["items"]!.AsArray()[^1]!["resource"]!["name"]!.GetValue<string>().Should().Be("c");
    }

    [Theory]
    [InlineData("after=garbage", "after")]
    [InlineData("after=YzEuLTE", "after")]
    [InlineData("limit=0", "limit")]
    [InlineData("limit=1001", "limit")]
    [InlineData("wait=31", "wait")]
    [InlineData("resourceType=offering", "resourceType")]
    [InlineData("resourceId=o-1", "resourceId")]
    public async Task Given_a_bad_parameter_When_reading_the_log_Then_400_naming_it(string query, string property)
    {
        var problem = await (await Admin.GetAsync("/changes?" + query)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }

    [Fact]
    public async Task Given_an_empty_log_When_polled_with_wait_Then_a_change_committed_meanwhile_is_answered_at_once()
    {
        var empty = await (await Admin.GetAsync("/changes")).ShouldBe(HttpStatusCode.OK);
        var cursor = empty["pagination"]!["nextCursor"]!.GetValue<string>();
        var started = DateTime.UtcNow;

        var poll = Admin.GetAsync($"/changes?after={cursor}&wait=20");
        await Task.Delay(300);
        await (await Api.Client().PostJson("/products", Samples.Product("p-1"))).ShouldBe(HttpStatusCode.Created);
        var page = await (await poll).ShouldBe(HttpStatusCode.OK);

        page["items"]!.AsArray().Select(e => Id(e!)).Should().Equal("p-1");
        (DateTime.UtcNow - started).Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    private static async Task<List<JsonNode>> ReadAllAsync(HttpClient client)
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        while (true)
        {
            var page = await (await client.GetAsync("/changes?limit=5" + (cursor is null ? "" : "&after=" + cursor))).ShouldBe(HttpStatusCode.OK);
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            cursor = page["pagination"]!["nextCursor"]!.GetValue<string>();
            if (!page["pagination"]!["hasMore"]!.GetValue<bool>()) return entries;
        }
    }

    private static string Type(JsonNode e) => e["resourceType"]!.GetValue<string>();
    private static string Id(JsonNode e) => e["resourceId"]!.GetValue<string>();
    private static string Kind(JsonNode e) => e["change"]!.GetValue<string>();
    private static int Version(JsonNode e) => e["version"]!.GetValue<int>();
    private static List<string> Fields(JsonNode e) => e["fields"]!.AsArray().Select(f => f!.GetValue<string>()).ToList();
}
