using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Reliability;

/// <summary>
/// PostgreSQL stops under load and starts again, with the API left running: clear 503s (never a 500, never a
/// hang), liveness stays green, full service comes back by itself, and no acknowledged write is lost.
/// Uses a PostgreSQL of its own, never the suite's.
/// </summary>
[Trait("Category", "Reliability")]
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private sealed record Outcome(string Kind, string? Id, int Status, TimeSpan Elapsed, bool HasRetryAfter, string? MediaType, bool DuringOutage);

    [Fact]
    public async Task Given_load_When_PostgreSQL_stops_and_starts_again_Then_503s_not_500s_no_hang_recovery_within_5_s_and_no_lost_write()
    {
        await using var database = await OutageDatabase.StartAsync();
        await using var api = new ConnectApiFactory(database.ConnectionString);
        await ((IAsyncLifetime)api).InitializeAsync();
        await api.ResetAsync();
        var admin = api.Client();
        var anonymous = api.Client(null);
        await Samples.SeedOfferingAsync(admin, "o-1");

        var outcomes = new ConcurrentQueue<Outcome>();
        using var stopLoad = new CancellationTokenSource();
        var next = 0;
        var down = false;
        var writesHeld = false;
        async Task Worker()
        {
            while (!stopLoad.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref next);
                var (kind, id, request) = (n % 3 == 0 && Volatile.Read(ref writesHeld) ? 1 : n % 3) switch
                {
                    0 => ("write", $"p-{n}", HttpAssertions.Json(HttpMethod.Post, "/products", Samples.Product($"p-{n}"))),
                    1 => ("read", null, new HttpRequestMessage(HttpMethod.Get, "/product-offerings/o-1")),
                    _ => ("list", null, new HttpRequestMessage(HttpMethod.Get, "/product-offerings?limit=5")),
                };
                var clock = Stopwatch.StartNew();
                var duringOutage = Volatile.Read(ref down);
                using var response = await admin.SendAsync(request);
                outcomes.Enqueue(new Outcome(kind, id, (int)response.StatusCode, clock.Elapsed,
                    response.Headers.RetryAfter is not null, response.Content.Headers.ContentType?.MediaType,
                    duringOutage && Volatile.Read(ref down)));
                await Task.Delay(20);
            }
        }
        var workers = Enumerable.Range(0, 3).Select(_ => Task.Run(Worker)).ToArray();

        await Task.Delay(1200);
        // A write this node committed and had not re-read yet would rightly make reads 503 during the outage (never
        // the state before it); the reads between hold the snapshot current, as on a node between writes.
        Volatile.Write(ref writesHeld, true);
        await Task.Delay(300);
        await database.StopAsync();
        Volatile.Write(ref down, true);
        Volatile.Write(ref writesHeld, false);
        await Task.Delay(1500);
        var readyWhileDown = await anonymous.GetAsync("/health/ready");
        var liveWhileDown = await anonymous.GetAsync("/health/live");
        await Task.Delay(1500);

        Volatile.Write(ref down, false);
        await database.StartAgainAsync();
        var restarted = Stopwatch.StartNew();
        TimeSpan? recovered = null;
        while (restarted.Elapsed < TimeSpan.FromSeconds(15))
        {
            var ready = await anonymous.GetAsync("/health/ready");
            var read = await admin.GetAsync("/product-offerings/o-1");
            var write = await admin.PostJson("/products", Samples.Product($"p-probe-{restarted.ElapsedMilliseconds}"));
            if (ready.IsSuccessStatusCode && read.IsSuccessStatusCode && write.IsSuccessStatusCode) { recovered = restarted.Elapsed; break; }
            await Task.Delay(100);
        }
        await Task.Delay(1000);
        await stopLoad.CancelAsync();
        await Task.WhenAll(workers);

        var all = outcomes.ToArray();
        var acknowledged = all.Where(o => o.Kind == "write" && o.Status == 201).Select(o => o.Id!).ToList();
        var lost = new List<string>();
        foreach (var id in acknowledged)
            if ((await admin.GetAsync($"/products/{id}")).StatusCode != HttpStatusCode.OK) lost.Add(id);
        var refused = all.Where(o => o.Kind == "write" && o.Status != 201).Select(o => o.Id!).ToList();
        var halfWritten = 0;
        foreach (var id in refused)
            if ((await admin.GetAsync($"/products/{id}")).StatusCode is not (HttpStatusCode.OK or HttpStatusCode.NotFound)) halfWritten++;

        var readsDuringOutage = all.Where(o => o.DuringOutage && o.Kind != "write").ToList();
        output.WriteLine($"reads while down: {readsDuringOutage.Count} ({readsDuringOutage.Count(o => o.Status == 200)} answered from memory)");
        output.WriteLine($"requests: {all.Length}, 2xx: {all.Count(o => o.Status < 300)}, 503: {all.Count(o => o.Status == 503)}, " +
                         $"other 5xx: {all.Count(o => o.Status >= 500 && o.Status != 503)}, slowest: {all.Max(o => o.Elapsed).TotalMilliseconds:0} ms, " +
                         $"recovery: {recovered?.TotalMilliseconds:0} ms, acknowledged writes: {acknowledged.Count}, lost: {lost.Count}");

        readyWhileDown.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
        readyWhileDown.Headers.RetryAfter.Should().NotBeNull();
        liveWhileDown.StatusCode.Should().Be(HttpStatusCode.OK);
        all.Should().Contain(o => o.Status == 503, "the outage was seen (writes cannot be served from memory)");
        readsDuringOutage.Should().NotBeEmpty().And.OnlyContain(o => o.Status == 200, "reads are answered from memory while the database is down");
        all.Should().OnlyContain(o => o.Status < 500 || o.Status == 503, "an outage is a 503, never a 500");
        all.Where(o => o.Status == 503).Should().OnlyContain(o => o.HasRetryAfter && o.MediaType == "application/problem+json");
        all.Max(o => o.Elapsed).Should().BeLessThan(TimeSpan.FromSeconds(10), "no request hangs");
        recovered.Should().NotBeNull().And.BeLessThan(TimeSpan.FromSeconds(5), "full service within 5 s of the database coming back");
        acknowledged.Should().NotBeEmpty();
        lost.Should().BeEmpty("every acknowledged write survives the outage");
        halfWritten.Should().Be(0);
    }
}
