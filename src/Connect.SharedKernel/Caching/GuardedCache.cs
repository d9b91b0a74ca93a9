using System.Collections.Concurrent;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Telemetry;

namespace Connect.SharedKernel.Caching;

/// <summary>
/// Values read from the database, kept in memory for a while (null too: "not found" is worth remembering). An
/// eviction this node hears (its own committed change, or another node's NOTIFY) wins over a read that started
/// before it, so a change this node knows committed is never answered with what was read before it. While the
/// database cannot be reached, what was read before is answered (nothing can commit meanwhile either). Past
/// <c>maxEntries</c> the whole cache is dropped, so garbage keys cannot fill memory. Lookups are counted as hits
/// or misses when a counter is given.
/// </summary>
public sealed class GuardedCache<TValue>(int maxEntries, CacheCounter? lookups = null) where TValue : class
{
    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(TValue? Value, long LoadedAt);

    /// <summary>The value from memory when younger than <paramref name="maxAge"/>, otherwise from <paramref name="load"/>.</summary>
    /// <param name="key">The cache key.</param>
    /// <param name="maxAge">How long an entry is answered without asking again.</param>
    /// <param name="load">Reads the value from the database (null: not found).</param>
    /// <param name="enabled">False: always load, keep nothing.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    public async Task<TValue?> GetAsync(
        string key, TimeSpan maxAge, Func<CancellationToken, Task<TValue?>> load, bool enabled, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var cached = enabled ? _entries.GetValueOrDefault(key) : null;
        var hit = cached is not null && now - cached.LoadedAt < maxAge.TotalMilliseconds;
        lookups?.Lookup(hit);
        if (hit) return cached!.Value;

        var generation = Interlocked.Read(ref _generation);
        TValue? value;
        try
        {
            value = await load(cancellationToken);
        }
        catch (Exception ex) when (cached is not null && DatabaseErrors.IsUnreachable(ex))
        {
            return cached.Value;
        }
        if (!enabled) return value;
        if (_entries.Count >= maxEntries) _entries.Clear();
        // An eviction heard while we were reading must not be undone by what we read before it.
        if (Interlocked.Read(ref _generation) == generation)
        {
            var entry = new Entry(value, now);
            _entries[key] = entry;
            // An eviction that ran between the check and the store must win: take this entry back out.
            if (Interlocked.Read(ref _generation) != generation)
                _entries.TryRemove(new KeyValuePair<string, Entry>(key, entry));
        }
        return value;
    }

    /// <summary>Drops one key, and makes reads already under way keep what they read to themselves.</summary>
    public void Evict(string key)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(key, out _);
    }

    /// <summary>Drops every entry whose value matches (for a value known by something other than its key).</summary>
    public void EvictWhere(Func<TValue, bool> matches)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
            if (entry.Value is { } value && matches(value)) _entries.TryRemove(key, out _);
    }

    /// <summary>Drops everything.</summary>
    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _entries.Clear();
    }
}
