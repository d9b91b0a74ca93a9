using System.Collections.Concurrent;
using System.Diagnostics;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// Counts the SQL commands (and batches, one round trip each) Npgsql sends for one request. The request carries a
/// <c>traceparent</c> of its own, so the host's request activity, and every Npgsql activity under it, share that
/// trace id; commands of other requests or background work are not counted.
/// </summary>
internal sealed class SqlCommandCounter : IDisposable
{
    private readonly ActivityListener _listener;
    private readonly ConcurrentDictionary<ActivityTraceId, int> _counts = new();

    public SqlCommandCounter()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is "Npgsql" or "Microsoft.AspNetCore",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStarted = activity =>
            {
                if (activity.Source.Name == "Npgsql") _counts.AddOrUpdate(activity.TraceId, 1, (_, n) => n + 1);
            },
        };
        ActivitySource.AddActivityListener(_listener);
    }

    /// <summary>Sends the request and returns its response with the number of SQL round trips it took.</summary>
    public async Task<(HttpResponseMessage Response, int Commands)> SendAsync(HttpClient client, HttpRequestMessage request)
    {
        var trace = ActivityTraceId.CreateRandom();
        request.Headers.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");
        var response = await client.SendAsync(request);
        return (response, _counts.GetValueOrDefault(trace));
    }

    public void Dispose() => _listener.Dispose();
}
