using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Authentication;

/// <summary>
/// Counts requests with a wrong key per client address (a fixed one-minute window). Past the limit the address
/// gets 429 with <c>Retry-After</c> until the window ends, before its key is even looked at, so guessing keys is slow.
/// </summary>
internal sealed class FailedAuthenticationLimiter(IOptionsMonitor<IdentityOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> _limiter = PartitionedRateLimiter.Create<string, string>(address =>
        RateLimitPartition.GetFixedWindowLimiter(address, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = Math.Max(1, options.CurrentValue.FailedAuthenticationsPerMinute),
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>Null while the address may still try; otherwise how long it must wait.</summary>
    public TimeSpan? Blocked(string address)
    {
        using var probe = _limiter.AttemptAcquire(address, 0);
        if (probe.IsAcquired) return null;
        return probe.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter) ? retryAfter : TimeSpan.FromMinutes(1);
    }

    public void RecordFailure(string address)
    {
        using var _ = _limiter.AttemptAcquire(address);
    }

    public void Dispose() => _limiter.Dispose();
}
