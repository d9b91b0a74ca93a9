using System.Diagnostics.Metrics;

namespace Connect.SharedKernel.Telemetry;

/// <summary>
/// Hits and misses of one in-memory cache on its module's meter: <c>connect.cache.hits</c> and
/// <c>connect.cache.misses</c>, tagged <c>cache</c> with the cache's name. One family per name in the scrape,
/// whichever module counts.
/// </summary>
public sealed class CacheCounter(Meter meter, string cache)
{
    private readonly Counter<long> _hits = meter.CreateCounter<long>("connect.cache.hits", "{lookup}", "Lookups answered from memory");
    private readonly Counter<long> _misses = meter.CreateCounter<long>("connect.cache.misses", "{lookup}",
        "Lookups that had to read the database or render anew");
    private readonly KeyValuePair<string, object?> _tag = new("cache", cache);

    public void Lookup(bool hit) => (hit ? _hits : _misses).Add(1, _tag);
}
