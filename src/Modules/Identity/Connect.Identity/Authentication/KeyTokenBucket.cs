using System.Threading.RateLimiting;
using Connect.Identity.Contracts;

namespace Connect.Identity.Authentication;

/// <summary>
/// A token bucket refilled continuously: each request first adds what the time since the last one earned
/// (<c>rate × elapsed</c>, up to the burst), so the key is served exactly its configured rate whatever the burst.
/// A bucket refilled in whole periods cannot do that when the burst is smaller than one period's tokens
/// (1,000/s refilled every 100 ms with a burst of 50 serves 500/s).
/// </summary>
internal sealed class KeyTokenBucket(RateLimitPolicy policy, TimeProvider clock) : RateLimiter
{
    private readonly Lock _lock = new();
    private double _tokens = policy.Burst;
    private long _refilledAt = clock.GetTimestamp();

    /// <summary>Idle once the bucket is full again, so the partitioned limiter may drop it (a new one starts full too).</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_lock)
            {
                Refill();
                return _tokens >= policy.Burst ? clock.GetElapsedTime(_refilledAt) : null;
            }
        }
    }

    public override RateLimiterStatistics GetStatistics()
    {
        lock (_lock)
        {
            Refill();
            return new RateLimiterStatistics { CurrentAvailablePermits = (long)_tokens };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (_lock)
        {
            Refill();
            if (_tokens >= Math.Max(1, permitCount))
            {
                _tokens -= permitCount;
                return Lease.Granted;
            }
            return new Lease(false, TimeSpan.FromSeconds((Math.Max(1, permitCount) - _tokens) / policy.PermitsPerSecond));
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Refill()
    {
        var now = clock.GetTimestamp();
        _tokens = Math.Min(policy.Burst, _tokens + clock.GetElapsedTime(_refilledAt, now).TotalSeconds * policy.PermitsPerSecond);
        _refilledAt = now;
    }

    private sealed class Lease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly Lease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = metadataName == MetadataName.RetryAfter.Name ? retryAfter : null;
            return metadata is not null;
        }
    }
}
