using System.Collections.Concurrent;

namespace Connect.SharedKernel.Throttling;

/// <summary>
/// Failures counted per partition (a client address, an API key) in fixed one-minute windows, in bounded memory:
/// at most <see cref="MaxPartitions"/> are tracked. When that many failed within the minute, a partition not yet
/// tracked counts as over its limit, so a flood from ever new partitions is refused instead of growing memory.
/// </summary>
public sealed class FailureWindows(TimeProvider clock, int maxPartitions = FailureWindows.DefaultMaxPartitions)
{
    public const int DefaultMaxPartitions = 10_000;
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan SweepEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Counter> _counters = new(StringComparer.Ordinal);
    private long _lastSweep;

    private sealed class Counter(long windowStart)
    {
        public long WindowStart = windowStart;
        public int Failures;
    }

    public int MaxPartitions => maxPartitions;

    public int TrackedPartitions => _counters.Count;

    /// <summary>Forgets every count (a data reset between tests; an operator clearing a lockout).</summary>
    public void Clear() => _counters.Clear();

    /// <summary>Null while the partition has had fewer than <paramref name="limit"/> failures this minute; otherwise how long to wait.</summary>
    public TimeSpan? Blocked(string partition, int limit)
    {
        if (!_counters.TryGetValue(partition, out var counter)) return null;
        var (failures, left) = Count(counter, clock.GetTimestamp(), add: 0);
        return failures >= Math.Max(1, limit) ? left : null;
    }

    /// <summary>
    /// Counts one failure: the partition's failures in this window and how long the window still runs (when no
    /// more partitions can be tracked, <see cref="int.MaxValue"/> failures for a whole window).
    /// </summary>
    public (int Failures, TimeSpan WindowLeft) RecordFailure(string partition)
    {
        var now = clock.GetTimestamp();
        if (!_counters.TryGetValue(partition, out var counter))
        {
            if (_counters.Count >= maxPartitions && !SweepExpired(now)) return (int.MaxValue, Window);
            counter = _counters.GetOrAdd(partition, _ => new Counter(now));
        }
        return Count(counter, now, add: 1);
    }

    private (int Failures, TimeSpan WindowLeft) Count(Counter counter, long now, int add)
    {
        lock (counter)
        {
            if (clock.GetElapsedTime(counter.WindowStart, now) >= Window)
            {
                counter.WindowStart = now;
                counter.Failures = 0;
            }
            counter.Failures += add;
            return (counter.Failures, Window - clock.GetElapsedTime(counter.WindowStart, now));
        }
    }

    /// <summary>Drops counters whose window is over (at most once a second); true when there is room again.</summary>
    private bool SweepExpired(long now)
    {
        var last = Interlocked.Read(ref _lastSweep);
        if ((last == 0 || clock.GetElapsedTime(last, now) >= SweepEvery) && Interlocked.CompareExchange(ref _lastSweep, now, last) == last)
            foreach (var (partition, counter) in _counters)
                if (clock.GetElapsedTime(counter.WindowStart, now) >= Window)
                    _counters.TryRemove(partition, out _);
        return _counters.Count < maxPartitions;
    }
}
