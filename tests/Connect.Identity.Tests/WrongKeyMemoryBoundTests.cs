using System.Net;
using Connect.Identity.Authentication;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Tests;

public sealed class WrongKeyMemoryBoundTests
{
    private sealed class Options : IOptionsMonitor<IdentityOptions>
    {
        public IdentityOptions CurrentValue { get; } = new();
        public IdentityOptions Get(string? name) => CurrentValue;
        public IDisposable? OnChange(Action<IdentityOptions, string?> listener) => null;
    }

    [Fact]
    public void Given_wrong_keys_from_100k_distinct_addresses_When_counted_Then_at_most_10k_are_tracked_and_the_overflow_is_refused()
    {
        var clock = new ManualClock();
        var limiter = new FailedAuthenticationLimiter(new Options(), clock);
        var refused = 0;
        for (var i = 0; i < 100_000; i++)
            if (limiter.RecordFailure(new IPAddress(BitConverter.GetBytes(0x0A000000 + i))) is not null) refused++;

        limiter.Windows.TrackedPartitions.Should().BeLessThanOrEqualTo(10_000);
        refused.Should().Be(90_000, "past the cap, a wrong key from an address not yet counted is refused rather than tracked");

        // Once the minute is over, the counters make room again.
        clock.Advance(TimeSpan.FromMinutes(1));
        limiter.RecordFailure(IPAddress.Parse("192.0.2.1")).Should().BeNull();
        limiter.Windows.TrackedPartitions.Should().Be(1);
    }

    [Theory]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:3::1", false)]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7", true)]
    [InlineData("192.0.2.7", "192.0.2.8", false)]
    public void Given_two_addresses_When_partitioned_Then_IPv6_counts_by_its_64_and_mapped_IPv4_as_IPv4(string a, string b, bool same) =>
        (FailedAuthenticationLimiter.PartitionOf(IPAddress.Parse(a)) == FailedAuthenticationLimiter.PartitionOf(IPAddress.Parse(b)))
            .Should().Be(same);
}
