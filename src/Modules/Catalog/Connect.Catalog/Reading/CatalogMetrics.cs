using System.Diagnostics.Metrics;
using Connect.SharedKernel.Telemetry;

namespace Connect.Catalog.Reading;

/// <summary>
/// This node's read model as metrics: the log position its snapshot holds, the head it knows of, how far behind that
/// is (in entries, and as the age of the oldest entry not yet applied) and how long each step took; and how often
/// a read found its offering or catalog rendered already.
/// </summary>
internal sealed class CatalogMetrics
{
    private readonly Histogram<double> _steps;

    public CatalogMetrics(IMeterFactory meters, CatalogChanges changes)
    {
        var meter = meters.Create(CatalogModule.MeterName);
        Renderings = new CacheCounter(meter, "catalog_rendering");
        meter.CreateObservableGauge("connect.read_model.position", () => changes.Lag.Read().Applied,
            "{entry}", "The change-log position this node's catalog snapshot holds every change up to");
        meter.CreateObservableGauge("connect.read_model.head", () => changes.Lag.Read().Head,
            "{entry}", "The newest change-log position this node knows of");
        meter.CreateObservableGauge("connect.read_model.lag", () => Behind(changes.Lag.Read()),
            "{entry}", "Change-log entries this node knows of and has not applied yet");
        meter.CreateObservableGauge("connect.read_model.lag.age", () => changes.Lag.Read().Age.TotalSeconds,
            "s", "Age of the oldest change-log entry this node knows of and has not applied yet (0 when caught up)");
        _steps = meter.CreateHistogram("connect.read_model.apply.duration", "s",
            "Time to apply a batch of change-log entries (step changes) or to load the whole catalog (step load)",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30] });
    }

    /// <summary>The renderings of offerings and catalogs a snapshot keeps (the base one, and a few at promo code prices).</summary>
    public CacheCounter Renderings { get; }

    private static long Behind((long Applied, long Head, TimeSpan Age) lag) => lag.Head - lag.Applied;

    /// <summary>Records one step that applied entries (<paramref name="loaded"/> false) or loaded everything.</summary>
    public void Stepped(TimeSpan took, bool loaded) =>
        _steps.Record(took.TotalSeconds, new KeyValuePair<string, object?>("step", loaded ? "load" : "changes"));
}
