using System.Net;
using Connect.IntegrationTests.Infrastructure;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Telemetry;

/// <summary>
/// An operator sees in the scrape how often each in-memory cache answered (<c>connect_cache_hits_total</c>) and how
/// often it had to read or render (<c>connect_cache_misses_total</c>): a repeated read with the same key, promo code
/// or resource counts as a hit of that cache.
/// </summary>
public sealed class CacheMetricsTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_new_key_When_it_is_used_twice_Then_the_first_use_is_an_api_key_miss_and_the_second_a_hit()
    {
        var client = await Api.ClientWithKeyAsync([CatalogRead]);
        var before = await MetricsScrape.TakeAsync(Api);

        (await client.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);

        var after = await MetricsScrape.TakeAsync(Api);
        after.RiseSince(before, "connect_cache_misses_total", Cache("api_key")).Should().Be(1, "only the first use reads the database");
        after.RiseSince(before, "connect_cache_hits_total", Cache("api_key")).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_promo_code_When_an_offering_is_read_with_it_again_Then_the_promo_code_cache_counts_a_hit()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("STUDENT2024"))).ShouldBe(HttpStatusCode.Created);
        var before = await MetricsScrape.TakeAsync(Api);

        // The cache keeps a code for a second: on a slow machine a repeat may come later, so repeat until one is answered from memory.
        var after = before;
        for (var attempt = 0; attempt < 10 && after.RiseSince(before, "connect_cache_hits_total", Cache("promo_code")) == 0; attempt++)
        {
            await (await Admin.GetAsync("/product-offerings/o-1?promoCode=STUDENT2024")).ShouldBe(HttpStatusCode.OK);
            after = await MetricsScrape.TakeAsync(Api);
        }

        after.RiseSince(before, "connect_cache_misses_total", Cache("promo_code")).Should().BeGreaterThan(0, "the first read with the code reads it");
        after.RiseSince(before, "connect_cache_hits_total", Cache("promo_code")).Should().BeGreaterThan(0);
        after.RiseSince(before, "connect_cache_hits_total", Cache("catalog_rendering")).Should().BeGreaterThan(0, "the offering at the code's price is rendered once");
    }

    [Fact]
    public async Task Given_an_offering_and_a_catalog_When_each_is_read_twice_Then_the_second_reads_are_rendering_hits()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        var before = await MetricsScrape.TakeAsync(Api);

        foreach (var path in new[] { "/product-offerings/o-1", "/product-catalogs/c-1", "/product-offerings/o-1", "/product-catalogs/c-1" })
            await (await Admin.GetAsync(path)).ShouldBe(HttpStatusCode.OK);

        var after = await MetricsScrape.TakeAsync(Api);
        after.RiseSince(before, "connect_cache_hits_total", Cache("catalog_rendering")).Should().BeGreaterThanOrEqualTo(2);
        (after.RiseSince(before, "connect_cache_hits_total", Cache("catalog_rendering")) + after.RiseSince(before, "connect_cache_misses_total", Cache("catalog_rendering")))
            .Should().Be(4, "each read is one lookup");
    }

    private static string Cache(string name) => $"cache=\"{name}\"";
}
