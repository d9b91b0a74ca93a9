using System.Collections.Concurrent;
using System.Diagnostics;
using OpenTelemetry;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// Sits in the host's OpenTelemetry trace pipeline (where an exporter would) and keeps the spans of the traces a test
/// asked to watch, so what it sees is exactly what the host exports.
/// </summary>
public sealed class TraceRecorder : BaseProcessor<Activity>
{
    private readonly ConcurrentDictionary<ActivityTraceId, ConcurrentQueue<Activity>> _traces = new();

    /// <summary>A new trace id to send in <c>traceparent</c>; its spans are kept from now on.</summary>
    public ActivityTraceId Watch()
    {
        var trace = ActivityTraceId.CreateRandom();
        _traces[trace] = new ConcurrentQueue<Activity>();
        return trace;
    }

    public IReadOnlyList<Activity> Spans(ActivityTraceId trace) => [.. _traces[trace]];

    public override void OnEnd(Activity data)
    {
        if (_traces.TryGetValue(data.TraceId, out var spans)) spans.Enqueue(data);
    }
}
