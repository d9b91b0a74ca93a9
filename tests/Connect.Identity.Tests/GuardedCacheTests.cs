using Connect.SharedKernel.Caching;

namespace Connect.Identity.Tests;

/// <summary>The cache behind key validation and promo codes never answers what was read before an eviction it heard.</summary>
public sealed class GuardedCacheTests
{
    private static readonly TimeSpan Long = TimeSpan.FromHours(1);

    [Fact]
    public async Task Given_a_read_under_way_When_its_key_is_evicted_before_it_returns_Then_the_next_read_asks_again()
    {
        var cache = new GuardedCache<string>(maxEntries: 10);
        var slowRead = new TaskCompletionSource<string?>();
        var reading = cache.GetAsync("k", Long, _ => slowRead.Task, enabled: true, CancellationToken.None);

        cache.Evict("k");
        slowRead.SetResult("before the change");
        (await reading).Should().Be("before the change", "the read that raced the change answers its own caller");

        var next = await cache.GetAsync("k", Long, _ => Task.FromResult<string?>("after the change"), enabled: true, CancellationToken.None);
        next.Should().Be("after the change");
    }

    [Fact]
    public async Task Given_a_cached_value_When_evicted_by_what_it_holds_Then_the_next_read_asks_again()
    {
        var cache = new GuardedCache<string>(maxEntries: 10);
        await cache.GetAsync("hash", Long, _ => Task.FromResult<string?>("key-1"), enabled: true, CancellationToken.None);

        cache.EvictWhere(value => value == "key-1");

        var next = await cache.GetAsync("hash", Long, _ => Task.FromResult<string?>("key-1 revoked"), enabled: true, CancellationToken.None);
        next.Should().Be("key-1 revoked");
    }

    [Fact]
    public async Task Given_an_unknown_key_When_read_twice_Then_the_database_is_asked_once()
    {
        var cache = new GuardedCache<string>(maxEntries: 10);
        var reads = 0;
        Task<string?> Load(CancellationToken _) { reads++; return Task.FromResult<string?>(null); }

        await cache.GetAsync("nope", Long, Load, enabled: true, CancellationToken.None);
        (await cache.GetAsync("nope", Long, Load, enabled: true, CancellationToken.None)).Should().BeNull();

        reads.Should().Be(1, "not found is remembered too");
    }
}
