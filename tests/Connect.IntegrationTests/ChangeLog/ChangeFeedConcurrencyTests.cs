using System.Collections.Concurrent;
using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.ChangeLog;

/// <summary>
/// The log is complete and ordered while many writers commit at once on two nodes (spec §7): readers that follow
/// the cursor, paging or long-polling, see every change exactly once, in one order, with each resource's
/// versions contiguous, and the log alone rebuilds what the GET endpoints answer.
/// </summary>
public sealed class ChangeFeedConcurrencyTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const int Writers = 8;

    [Fact]
    public async Task Given_8_writers_on_two_nodes_making_500_changes_When_readers_follow_the_cursor_meanwhile_Then_each_sees_every_change_once_in_order()
    {
        await (await Admin.PostJson("/products", Samples.Product("p-1"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-1"))).ShouldBe(HttpStatusCode.Created);
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        var nodes = new[] { Admin, await SecondNode.ListeningClientAsync(secondNode) };

        using var stop = new CancellationTokenSource();
        var pager = FollowAsync(Admin, "limit=37", stop.Token);
        var longPoller = FollowAsync(nodes[1], "limit=100&wait=2", stop.Token);
        var acknowledged = new ConcurrentBag<string>();
        await Task.WhenAll(Enumerable.Range(0, Writers).Select(w => WriteAsync(nodes[w % 2], w, changes: w < 2 ? 63 : 62, acknowledged)));
        var log = await FollowAsync(Admin, "limit=1000", CancellationToken.None);
        await stop.CancelAsync();
        var (paged, polled) = (await pager, await longPoller);

        output.WriteLine($"log: {log.Count} entries; paged {paged.Count}, long-polled {polled.Count}; {acknowledged.Count} writes acknowledged");
        log.Should().HaveCount(500);
        var sequences = log.Select(e => e["sequence"]!.GetValue<long>()).ToList();
        sequences.Should().BeInAscendingOrder().And.OnlyHaveUniqueItems();
        paged.Select(e => e["sequence"]!.GetValue<long>()).Should().Equal(sequences, "the paging reader saw every change once, in order");
        polled.Select(e => e["sequence"]!.GetValue<long>()).Should().Equal(sequences, "the long-polling reader too");
        foreach (var resource in log.GroupBy(e => (e["resourceType"]!.GetValue<string>(), e["resourceId"]!.GetValue<string>())))
            resource.Select(e => e["version"]!.GetValue<long>()).Should().Equal(Enumerable.Range(1, resource.Count()).Select(v => (long)v));
        log.Count(e => e["resourceType"]!.GetValue<string>() == "productOffering").Should().Be(acknowledged.Count);

        foreach (var offering in log.Where(e => e["resourceType"]!.GetValue<string>() == "productOffering").GroupBy(e => e["resourceId"]!.GetValue<string>()))
        {
            var current = await (await Admin.GetAsync($"/product-offerings/{offering.Key}")).Content.ReadAsStringAsync();
            offering.Last()["resource"]!.ToJsonString().Should().Be(current, "the log alone rebuilds what GET answers");
        }
    }

    private static async Task WriteAsync(HttpClient node, int writer, int changes, ConcurrentBag<string> acknowledged)
    {
        var id = $"w-{writer}";
        await (await node.PostJson("/product-offerings", Samples.Offering(id, "p-1", "g-1"))).ShouldBe(HttpStatusCode.Created);
        acknowledged.Add(id);
        for (var i = 1; i < changes; i++)
        {
            await (await node.PatchJson($"/product-offerings/{id}", $$"""{ "name": "{{id}} v{{i}}" }""")).ShouldBe(HttpStatusCode.OK);
            acknowledged.Add(id);
        }
    }

    /// <summary>Follows the log from the start until cancelled, then reads once more to the end it has reached.</summary>
    private static async Task<List<JsonNode>> FollowAsync(HttpClient client, string query, CancellationToken stop)
    {
        var entries = new List<JsonNode>();
        string? cursor = null;
        while (true)
        {
            var stopping = stop.IsCancellationRequested;
            var page = await (await client.GetAsync($"/changes?{query}" + (cursor is null ? "" : "&after=" + cursor))).ShouldBe(HttpStatusCode.OK);
            entries.AddRange(page["items"]!.AsArray().Select(e => e!));
            cursor = page["pagination"]!["nextCursor"]!.GetValue<string>();
            if (page["pagination"]!["hasMore"]!.GetValue<bool>()) continue;
            if (stopping || stop == CancellationToken.None) return entries;
        }
    }
}
