using System.Net;
using System.Text.Json;

namespace Hooks;

/// <summary>A fast webhook receiver: answers at once, and keeps only what the benchmark reports.</summary>
internal static class Receiver
{
    public static async Task RunAsync(int port)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, port));
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var stats = new ReceiverStats();
        app.MapPost("/hook/{hook:int}", async (int hook, HttpRequest request) =>
        {
            var arrived = DateTimeOffset.UtcNow;
            using var document = await JsonDocument.ParseAsync(request.Body);
            var time = document.RootElement.GetProperty("time").GetDateTimeOffset();
            stats.Add(hook, long.Parse(request.Headers["webhook-id"].ToString(), System.Globalization.CultureInfo.InvariantCulture), arrived, time);
            return Results.NoContent();
        });
        app.MapGet("/stats", () => Results.Json(stats.Snapshot()));
        app.MapPost("/reset", () =>
        {
            stats.Reset();
            return Results.NoContent();
        });
        await app.RunAsync();
    }
}

/// <summary>What arrived since the last reset: how many, first and last arrival, lag percentiles; repeats and order ever.</summary>
internal sealed record Snapshot(int Count, DateTimeOffset? First, DateTimeOffset? Last, double LagP50Ms, double LagP99Ms, double LagMaxMs, long Repeats, long OutOfOrder);

internal sealed class ReceiverStats
{
    private readonly Lock _lock = new();
    private readonly Dictionary<int, long> _lastSequence = [];
    private readonly List<double> _lagsMs = [];
    private DateTimeOffset? _first, _last;
    private long _repeats, _outOfOrder;

    public void Add(int hook, long sequence, DateTimeOffset arrived, DateTimeOffset time)
    {
        lock (_lock)
        {
            _lagsMs.Add((arrived - time).TotalMilliseconds);
            _first ??= arrived;
            _last = arrived;
            if (_lastSequence.TryGetValue(hook, out var last) && sequence <= last)
            {
                if (sequence == last) _repeats++;
                else _outOfOrder++;
                return;
            }
            _lastSequence[hook] = sequence;
        }
    }

    public void Reset()
    {
        lock (_lock)
        {
            _lagsMs.Clear();
            _first = _last = null;
        }
    }

    public Snapshot Snapshot()
    {
        lock (_lock)
        {
            var sorted = _lagsMs.Order().ToArray();
            double At(double p) => sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];
            return new Snapshot(sorted.Length, _first, _last, At(0.5), At(0.99), sorted.LastOrDefault(), _repeats, _outOfOrder);
        }
    }
}
