using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;

namespace Hooks;

/// <summary>
/// Drives one Connect node through the API: webhooks to the receiver, a backlog written while they are off, then drained
/// by one webhook alone and by the others at once; then a steady write rate and the lag of each change at the receiver.
/// </summary>
internal sealed class Driver(string api, string key, string receiver)
{
    private readonly HttpClient _api = new() { BaseAddress = new Uri(api), DefaultRequestHeaders = { { "X-Api-Key", key } } };
    private readonly HttpClient _receiver = new() { BaseAddress = new Uri(receiver) };
    private readonly string _run = DateTime.UtcNow.ToString("MMddHHmmss", CultureInfo.InvariantCulture);
    private int _written;

    public async Task<int> RunAsync(int webhooks, int backlog, int seconds, int perSecond)
    {
        var ids = new List<string>();
        try
        {
            for (var hook = 0; hook <= webhooks; hook++) ids.Add(await CreateAsync(hook));
            foreach (var id in ids) await EnabledAsync(id, false);
            Log($"writing a backlog of {backlog} changes with the {ids.Count} webhooks off");
            await WriteBacklogAsync(backlog);

            Log("draining it with one webhook");
            var single = await DrainAsync(ids[..1], backlog);
            Log($"draining it with {webhooks} webhooks at once");
            var several = await DrainAsync(ids[1..], backlog * webhooks);
            Log($"lag at {perSecond} writes/s for {seconds} s, {ids.Count} webhooks");
            var lag = await SteadyAsync(seconds, perSecond, ids.Count);

            Console.WriteLine("| measure | result |");
            Console.WriteLine("|---|---:|");
            Console.WriteLine($"| backlog of {backlog} changes drained by 1 webhook | {single:0} changes/s |");
            Console.WriteLine($"| the same backlog drained by {webhooks} webhooks at once | {several:0} changes/s in all ({several / webhooks:0} per webhook) |");
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| lag at {perSecond} writes/s for {seconds} s ({lag.Count} deliveries to {ids.Count} webhooks), commit → 2xx | p50 {lag.LagP50Ms:0} ms, p99 {lag.LagP99Ms:0} ms, max {lag.LagMaxMs:0} ms |"));
            Console.WriteLine($"| repeats / out of order at the receiver | {lag.Repeats} / {lag.OutOfOrder} |");
            return lag.OutOfOrder == 0 ? 0 : 1;
        }
        finally
        {
            // A rerun on the same database must not keep sending to a receiver that is gone.
            foreach (var id in ids) await _api.DeleteAsync($"/webhooks/{id}");
        }
    }

    private async Task<string> CreateAsync(int hook)
    {
        using var response = await _api.PostAsJsonAsync("/webhooks", new { url = $"{receiver.TrimEnd('/')}/hook/{hook}", resourceTypes = new[] { "product" } });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<System.Text.Json.Nodes.JsonObject>())!["webhookId"]!.GetValue<string>();
    }

    private async Task EnabledAsync(string id, bool enabled)
    {
        using var response = await _api.PatchAsJsonAsync($"/webhooks/{id}", new { enabled });
        response.EnsureSuccessStatusCode();
    }

    private async Task WriteAsync()
    {
        var id = $"wh-{_run}-{Interlocked.Increment(ref _written)}";
        using var response = await _api.PostAsJsonAsync("/products", new
        {
            productId = id, internalName = id.Replace('-', '_'), type = "SUBSCRIPTION", category = "SUBSCRIPTION_CELL", networkProviderId = "net-1",
            features = new { dataMb = 2048, includedCallSeconds = 1000, includedSms = 500 },
        });
        response.EnsureSuccessStatusCode();
    }

    private async Task WriteBacklogAsync(int count)
    {
        var left = count;
        await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            while (Interlocked.Decrement(ref left) >= 0) await WriteAsync();
        }));
    }

    /// <summary>Turns the webhooks on and waits for every change: deliveries per second from the first arrival to the last.</summary>
    private async Task<double> DrainAsync(IReadOnlyList<string> ids, int expected)
    {
        await _receiver.PostAsync("/reset", null);
        foreach (var id in ids) await EnabledAsync(id, true);
        var stats = await WaitForAsync(expected, TimeSpan.FromMinutes(5));
        return (stats.Count - 1) / (stats.Last!.Value - stats.First!.Value).TotalSeconds;
    }

    private async Task<Snapshot> SteadyAsync(int seconds, int perSecond, int webhooks)
    {
        await _receiver.PostAsync("/reset", null);
        var writes = new List<Task>();
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < seconds * perSecond; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / perSecond) - watch.Elapsed;
            if (due > TimeSpan.Zero) await Task.Delay(due);
            writes.Add(WriteAsync());
        }
        await Task.WhenAll(writes);
        return await WaitForAsync(writes.Count * webhooks, TimeSpan.FromMinutes(2));
    }

    private async Task<Snapshot> WaitForAsync(int count, TimeSpan within)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var stats = (await _receiver.GetFromJsonAsync<Snapshot>("/stats"))!;
            if (stats.Count >= count) return stats;
            if (deadline.Elapsed > within) throw new TimeoutException($"{stats.Count} of {count} deliveries arrived within {within}.");
            await Task.Delay(100);
        }
    }

    private static void Log(string message) => Console.Error.WriteLine($"Hooks: {message}");
}
