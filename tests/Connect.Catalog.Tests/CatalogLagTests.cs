using Connect.Catalog.Reading;

namespace Connect.Catalog.Tests;

/// <summary>What the read model's lag metrics report as log heads are heard and applied.</summary>
public sealed class CatalogLagTests
{
    [Fact]
    public void Given_heads_heard_beyond_the_snapshot_When_read_Then_the_lag_counts_them_and_ages_from_the_oldest_until_applied()
    {
        var lag = new CatalogLag();
        lag.Applied(3, restarted: false);
        lag.Heard(5);
        Thread.Sleep(50);
        lag.Heard(8);

        var (applied, head, age) = lag.Read();
        (applied, head).Should().Be((3L, 8L));
        age.Should().BeGreaterThanOrEqualTo(TimeSpan.FromMilliseconds(30), "the oldest entry not applied was heard first");

        lag.Applied(5, restarted: false);
        lag.Read().Should().Match<(long Applied, long Head, TimeSpan Age)>(r => r.Applied == 5 && r.Head == 8);
        lag.Applied(8, restarted: false);
        lag.Read().Should().Be((8L, 8L, TimeSpan.Zero));
    }

    [Fact]
    public void Given_a_log_emptied_and_written_again_When_the_snapshot_applies_it_Then_heads_of_the_old_log_no_longer_count()
    {
        var lag = new CatalogLag();
        lag.Applied(40, restarted: false);
        lag.Heard(42);

        lag.Applied(2, restarted: false);

        lag.Read().Should().Be((2L, 2L, TimeSpan.Zero));
    }
}
