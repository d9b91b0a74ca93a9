using System.Net;
using System.Text.Json.Nodes;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>Archive and restore at a set time (spec §10): carried out once, whatever the number of nodes, or cancelled, or FAILED with why.</summary>
public sealed class ScheduledChangeTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_an_archive_scheduled_for_later_When_its_time_comes_Then_it_happens_once_recorded_with_the_scheduling_key()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var effectiveAt = Api.Clock.GetUtcNow().AddHours(1);
        var response = await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of season", effectiveAt });
        var scheduled = await response.ShouldBe(HttpStatusCode.Accepted);
        var id = scheduled["scheduledChangeId"]!.GetValue<string>();
        response.Headers.Location!.ToString().Should().Be($"/scheduled-changes/{id}");
        scheduled["state"]!.GetValue<string>().Should().Be("PENDING");
        scheduled["action"]!.GetValue<string>().Should().Be("ARCHIVE");
        await Task.Delay(1500);
        (await Read("/product-offerings/o-1"))["status"]!.GetValue<string>().Should().Be("AVAILABLE", "its time has not come");

        Api.Clock.Offset = TimeSpan.FromHours(2);
        var done = await EventuallyAsync(id, "DONE");

        done["failureReason"].Should().BeNull();
        (await Read("/product-offerings/o-1"))["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        var history = (await Read("/product-offerings/o-1/status-history"))["items"]!.AsArray();
        history[^1]!["changedBy"]!.GetValue<string>().Should().Be("bootstrap");
        history[^1]!["reason"]!.GetValue<string>().Should().Be("end of season");
        (await Read("/scheduled-changes?state=DONE&productOfferingId=o-1"))["items"]!.AsArray().Should().ContainSingle();
    }

    [Fact]
    public async Task Given_archives_due_while_two_nodes_run_When_both_race_for_them_Then_each_happens_exactly_once()
    {
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        _ = secondNode.Services;
        var ids = new List<string>();
        for (var i = 1; i <= 6; i++)
        {
            await Samples.SeedOfferingAsync(Admin, $"o-{i}", productId: $"p-{i}");
            ids.Add((await (await Admin.PostJson($"/product-offerings/o-{i}/archive", new { reason = "race", effectiveAt = Api.Clock.GetUtcNow().AddMinutes(5) }))
                .ShouldBe(HttpStatusCode.Accepted))["scheduledChangeId"]!.GetValue<string>());
        }

        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        foreach (var id in ids) await EventuallyAsync(id, "DONE");

        for (var i = 1; i <= 6; i++)
            (await Api.EventsAsync($"o-{i}")).Count(e => e.Data is ProductOfferingArchived).Should().Be(1, $"o-{i} was archived once");
    }

    [Fact]
    public async Task Given_a_cancelled_change_or_one_that_can_no_longer_apply_When_the_time_comes_Then_nothing_happens_or_it_fails_with_why()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Samples.SeedOfferingAsync(Admin, "o-2", productId: "p-2");
        var later = Api.Clock.GetUtcNow().AddMinutes(30);
        var cancelled = (await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "r", effectiveAt = later })).ShouldBe(HttpStatusCode.Accepted))["scheduledChangeId"]!.GetValue<string>();
        var failing = (await (await Admin.PostJson("/product-offerings/o-2/archive", new { reason = "r", effectiveAt = later })).ShouldBe(HttpStatusCode.Accepted))["scheduledChangeId"]!.GetValue<string>();
        (await (await Admin.PostJson($"/scheduled-changes/{cancelled}/cancel", new { })).ShouldBe(HttpStatusCode.OK))["state"]!.GetValue<string>().Should().Be("CANCELLED");
        await (await Admin.PostJson("/product-offerings/o-2/archive", new { reason = "now instead" })).ShouldBe(HttpStatusCode.OK);

        Api.Clock.Offset = TimeSpan.FromHours(1);
        var failed = await EventuallyAsync(failing, "FAILED");
        await Task.Delay(1500);

        failed["failureReason"]!.GetValue<string>().Should().Contain("already ARCHIVED");
        (await Read($"/scheduled-changes/{cancelled}"))["state"]!.GetValue<string>().Should().Be("CANCELLED");
        (await Read("/product-offerings/o-1"))["status"]!.GetValue<string>().Should().Be("AVAILABLE");
        await (await Admin.PostJson($"/scheduled-changes/{cancelled}/cancel", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Given_a_past_effectiveAt_or_an_unknown_offering_When_scheduling_Then_400_or_404()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        (await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "r", effectiveAt = Api.Clock.GetUtcNow().AddMinutes(-1) }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed")).ErrorProperties().Should().Contain("effectiveAt");
        await (await Admin.PostJson("/product-offerings/nope/restore", new { effectiveAt = Api.Clock.GetUtcNow().AddMinutes(5) }))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Read("/scheduled-changes"))["items"]!.AsArray().Should().BeEmpty();
    }

    private async Task<JsonNode> Read(string path) => await (await Admin.GetAsync(path)).ShouldBe(HttpStatusCode.OK);

    private Task<JsonNode> EventuallyAsync(string id, string state) =>
        Eventually.ReadAsync(Admin, $"/scheduled-changes/{id}", read => read["state"]!.GetValue<string>() == state);
}
