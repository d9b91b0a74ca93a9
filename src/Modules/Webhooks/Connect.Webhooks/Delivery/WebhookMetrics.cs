using System.Diagnostics.Metrics;
using Connect.SharedKernel.ChangeLog;

namespace Connect.Webhooks.Delivery;

/// <summary>
/// The delivery's instruments, meter <c>Connect.Webhooks</c>: each webhook's backlog as of this node's last look for
/// work, the lag from a change to its receiver's 2xx, and the attempts by outcome.
/// </summary>
internal sealed class WebhookMetrics
{
    public const string MeterName = "Connect.Webhooks";

    // From a healthy receiver's tens of milliseconds to a retry hours later.
    private static readonly double[] LagBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 1800, 3600, 21600];

    private readonly Counter<long> _deliveries;
    private readonly Histogram<double> _lag;
    private volatile IReadOnlyCollection<KeyValuePair<string, long>> _backlogs = [];

    public WebhookMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _deliveries = meter.CreateCounter<long>("connect.webhooks.deliveries", "{attempt}",
            "Delivery attempts by outcome: delivered (a 2xx), rejected (another status), timeout, unreachable (no connection, or one refused by the private-network rule).");
        _lag = meter.CreateHistogram("connect.webhooks.delivery.lag", "s",
            "Seconds from a change (its occurredAt, taken as the write is made, just before it commits) to its receiver's 2xx.", tags: null,
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = LagBuckets });
        meter.CreateObservableGauge("connect.webhooks.backlog",
            () => _backlogs.Select(b => new Measurement<long>(b.Value, new KeyValuePair<string, object?>("webhook.id", b.Key))), "{change}",
            "Change log entries after the webhook's position (delivered up to there), as of this node's last look for work.");
    }

    public void Attempted(AttemptOutcome outcome, CatalogChange change, DateTimeOffset answeredAt)
    {
        _deliveries.Add(1, new KeyValuePair<string, object?>("outcome", outcome.Kind));
        if (outcome.Delivered) _lag.Record(Math.Max(0, (answeredAt - change.OccurredAt).TotalSeconds));
    }

    /// <summary>Every webhook's backlog, replacing the last look's (a deleted webhook drops out).</summary>
    public void Backlogs(IReadOnlyCollection<KeyValuePair<string, long>> backlogs) => _backlogs = backlogs;
}
