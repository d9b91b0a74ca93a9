using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>Archive and restore over HTTP (spec §5) and the status history they leave (spec §3).</summary>
public sealed class OfferingArchiveTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<JsonArray> HistoryAsync(string id) =>
        (await (await Admin.GetAsync($"/product-offerings/{id}/status-history")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray();

    private async Task<string> ETagAsync(string id) => (await Admin.GetAsync($"/product-offerings/{id}")).Headers.ETag!.ToString();

    private Task<HttpResponseMessage> ArchiveAsync(string id, string reason = "end of sale", string? ifMatch = null) =>
        Admin.PostJson($"/product-offerings/{id}/archive", new { reason }, ifMatch);

    private Task<HttpResponseMessage> RestoreAsync(string id, string? ifMatch = null) =>
        Admin.PostJson($"/product-offerings/{id}/restore", new { }, ifMatch);

    [Fact]
    public async Task Given_a_new_offering_When_reading_its_history_Then_creation_is_the_only_entry()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        var items = await HistoryAsync("o-1");

        var created = items.Should().ContainSingle().Subject!;
        created["sequence"]!.GetValue<long>().Should().Be(1);
        created["status"]!.GetValue<string>().Should().Be("AVAILABLE");
        created["previousStatus"].Should().BeNull();
        created["reason"].Should().BeNull();
        created["changedBy"]!.GetValue<string>().Should().Be("bootstrap", "the admin key of the tests is the bootstrap key");
        var offering = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        created["occurredAt"]!.GetValue<string>().Should().Be(offering["createdAt"]!.GetValue<string>());
        created.AsObject().Select(p => p.Key).Should().Equal("sequence", "status", "previousStatus", "occurredAt", "reason", "changedBy");
    }

    [Fact]
    public async Task Given_an_offering_When_archived_Then_2_entries_ARCHIVED_readable_by_id_and_gone_from_the_default_catalog()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Samples.SeedOfferingAsync(Admin, "o-2", name: "Seamless 5GB");
        await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["o-1", "o-2"], ["g-1"]));

        var response = await ArchiveAsync("o-1", "Replaced by the 2025 plans");

        var archived = await response.ShouldBe(HttpStatusCode.OK);
        archived["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        var read = await Admin.GetAsync("/product-offerings/o-1");
        (await read.ShouldBe(HttpStatusCode.OK)).ToJsonString().Should().Be(archived.ToJsonString(), "archive answers the GET representation");
        response.Headers.ETag!.ToString().Should().Be(read.Headers.ETag!.ToString());

        var items = await HistoryAsync("o-1");
        items.Should().HaveCount(2);
        var entry = items[1]!;
        entry["sequence"]!.GetValue<long>().Should().Be(2);
        entry["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        entry["previousStatus"]!.GetValue<string>().Should().Be("AVAILABLE");
        entry["reason"]!.GetValue<string>().Should().Be("Replaced by the 2025 plans");
        entry["changedBy"]!.GetValue<string>().Should().Be("bootstrap");
        entry["occurredAt"]!.GetValue<string>().Should().Be(archived["updatedAt"]!.GetValue<string>());

        var catalog = await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK);
        catalog["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-2");
        var byId = await (await Admin.GetAsync("/product-catalogs/us")).ShouldBe(HttpStatusCode.OK);
        byId["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-2");
    }

    [Theory]
    [InlineData("", new[] { "o-2" })]
    [InlineData("?status=AVAILABLE", new[] { "o-2" })]
    [InlineData("?status=ARCHIVED", new[] { "o-1" })]
    [InlineData("?status=ALL", new[] { "o-1", "o-2" })]
    public async Task Given_an_archived_offering_When_listing_Then_only_the_archived_and_all_views_show_it(string query, string[] expected)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1", name: "A");
        await Samples.SeedOfferingAsync(Admin, "o-2", name: "B");
        await (await ArchiveAsync("o-1", "end of sale")).ShouldBe(HttpStatusCode.OK);

        var list = await (await Admin.GetAsync("/product-offerings" + query)).ShouldBe(HttpStatusCode.OK);

        list["items"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()).Should().Equal(expected);
        list["pagination"]!["total"]!.GetValue<long>().Should().Be(expected.Length);
    }

    [Fact]
    public async Task Given_an_archived_offering_When_restored_Then_3_entries_and_it_is_back_in_the_default_catalog()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["o-1"], ["g-1"]));
        await (await ArchiveAsync("o-1", "paused")).ShouldBe(HttpStatusCode.OK);

        var restored = await (await Admin.PostJson("/product-offerings/o-1/restore", new { reason = "back by demand" })).ShouldBe(HttpStatusCode.OK);

        restored["status"]!.GetValue<string>().Should().Be("AVAILABLE");
        var items = await HistoryAsync("o-1");
        items.Select(i => (i!["sequence"]!.GetValue<long>(), i["status"]!.GetValue<string>(), i["previousStatus"]?.GetValue<string>()))
            .Should().Equal((1L, "AVAILABLE", null), (2L, "ARCHIVED", "AVAILABLE"), (3L, "AVAILABLE", "ARCHIVED"));
        items[2]!["reason"]!.GetValue<string>().Should().Be("back by demand");
        items.Select(i => DateTimeOffset.Parse(i!["occurredAt"]!.GetValue<string>())).Should().BeInAscendingOrder();
        var catalog = await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK);
        catalog["productOfferings"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Given_an_archived_offering_When_archived_again_Then_409_and_no_entry_is_added()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await ArchiveAsync("o-1", "first")).ShouldBe(HttpStatusCode.OK);

        await (await ArchiveAsync("o-1", "second")).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        (await HistoryAsync("o-1")).Should().HaveCount(2);
    }

    [Fact]
    public async Task Given_an_available_offering_When_restored_Then_409_and_no_entry_is_added()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        await (await RestoreAsync("o-1")).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        (await HistoryAsync("o-1")).Should().ContainSingle();
    }

    [Fact]
    public async Task Given_a_stale_If_Match_When_archiving_or_restoring_Then_412_and_nothing_changes()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var stale = await ETagAsync("o-1");
        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);

        await (await ArchiveAsync("o-1", "x", stale))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await ArchiveAsync("o-1", "x", "W/" + await ETagAsync("o-1")))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await HistoryAsync("o-1")).Should().ContainSingle();

        var current = await ETagAsync("o-1");
        var archived = await ArchiveAsync("o-1", "x", current);
        await archived.ShouldBe(HttpStatusCode.OK);
        await (await RestoreAsync("o-1", current))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await RestoreAsync("o-1", archived.Headers.ETag!.ToString())).ShouldBe(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_an_archive_When_a_PATCH_uses_the_tag_from_before_Then_412_and_the_status_stays_ARCHIVED()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var before = await ETagAsync("o-1");
        await (await ArchiveAsync("o-1", "x")).ShouldBe(HttpStatusCode.OK);

        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "late" }, before))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var patched = await (await Admin.PatchJson("/product-offerings/o-1", new { name = "current" }, await ETagAsync("o-1"))).ShouldBe(HttpStatusCode.OK);
        patched["status"]!.GetValue<string>().Should().Be("ARCHIVED", "a PATCH never writes the status");
    }

    [Fact]
    public async Task Given_an_unknown_offering_When_archived_restored_or_its_history_read_Then_404()
    {
        await (await ArchiveAsync("nope", "x")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await RestoreAsync("nope")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.GetAsync("/product-offerings/nope/status-history")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }
}
