using Connect.Identity.Authentication;
using Connect.Identity.Contracts;

namespace Connect.Identity.Tests;

public sealed class KeyTokenBucketTests
{
    /// <summary>Requests arriving every millisecond for one second, each taking a permit when there is one.</summary>
    private static int ServedInOneSecond(RateLimitPolicy policy)
    {
        var clock = new ManualClock();
        using var bucket = new KeyTokenBucket(policy, clock);
        while (bucket.AttemptAcquire().IsAcquired) { } // the initial burst
        var served = 0;
        for (var ms = 0; ms < 1000; ms++)
        {
            clock.Advance(TimeSpan.FromMilliseconds(1));
            while (true)
            {
                using var lease = bucket.AttemptAcquire();
                if (!lease.IsAcquired) break;
                served++;
            }
        }
        return served;
    }

    [Theory]
    [InlineData(1000, 50)]
    [InlineData(1000, 1)]
    [InlineData(100, 200)]
    [InlineData(7, 3)]
    [InlineData(100_000, 1_000_000)]
    public void Given_a_rate_and_any_burst_When_requests_keep_coming_Then_the_configured_rate_is_served(int perSecond, int burst) =>
        ServedInOneSecond(new RateLimitPolicy(perSecond, burst)).Should().BeInRange(perSecond - 1, perSecond);

    [Fact]
    public void Given_a_quiet_key_When_it_bursts_Then_it_gets_its_burst_and_a_Retry_After_for_the_rest()
    {
        var clock = new ManualClock();
        using var bucket = new KeyTokenBucket(new RateLimitPolicy(10, 5), clock);
        Enumerable.Range(0, 5).Select(_ => bucket.AttemptAcquire().IsAcquired).ToList().Should().AllBeEquivalentTo(true);
        using var refused = bucket.AttemptAcquire();
        refused.IsAcquired.Should().BeFalse();
        refused.TryGetMetadata(System.Threading.RateLimiting.MetadataName.RetryAfter, out var retryAfter).Should().BeTrue();
        retryAfter.Should().Be(TimeSpan.FromMilliseconds(100));
        clock.Advance(TimeSpan.FromHours(1));
        Enumerable.Range(0, 6).Count(_ => bucket.AttemptAcquire().IsAcquired).Should().Be(5, "a long pause refills up to the burst, not beyond");
    }
}
