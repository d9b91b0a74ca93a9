using System.Net;
using Connect.IntegrationTests.Infrastructure;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

public sealed class RateLimitTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_key_over_its_limit_When_it_keeps_calling_Then_429_with_Retry_After_and_another_key_is_not_affected()
    {
        async Task<HttpClient> KeyWithLimit()
        {
            var created = await (await Admin.PostJson("/api-keys", new
            {
                name = "shop", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US",
                rateLimit = new { permitsPerSecond = 100, burst = 200 },
            })).ShouldBe(HttpStatusCode.Created);
            return Api.Client(created["key"]!.GetValue<string>());
        }
        var greedy = await KeyWithLimit();
        var other = await KeyWithLimit();

        // Burst 200 plus 100/s: 600 requests at once cannot all fit.
        var responses = await Task.WhenAll(Enumerable.Range(0, 600).Select(_ => greedy.GetAsync("/me")));

        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        limited.Should().NotBeEmpty();
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.TooManyRequests);
        limited[0].Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        await limited[0].ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        (await other.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK, "limits are per key");
    }

    [Fact]
    public async Task Given_a_key_whose_burst_is_smaller_than_its_rate_When_it_calls_without_pause_Then_it_is_served_its_rate_as_me_shows()
    {
        var created = await (await Admin.PostJson("/api-keys", new
        {
            name = "steady", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US",
            rateLimit = new { permitsPerSecond = 200, burst = 5 },
        })).ShouldBe(HttpStatusCode.Created);
        var client = Api.Client(created["key"]!.GetValue<string>());
        var me = await (await client.GetAsync("/me")).ShouldBe(HttpStatusCode.OK);
        me["rateLimit"]!["permitsPerSecond"]!.GetValue<int>().Should().Be(200);

        // Four callers without pause for two seconds; a bucket refilled in whole periods would cap this key at 50/s.
        var served = 0;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            while (clock.Elapsed < TimeSpan.FromSeconds(2))
                if ((await client.GetAsync("/me")).StatusCode == HttpStatusCode.OK) Interlocked.Increment(ref served);
        }));
        var seconds = clock.Elapsed.TotalSeconds;

        (served / seconds).Should().BeGreaterThan(0.6 * 200, "the configured rate, with room for a slow machine");
        served.Should().BeLessThanOrEqualTo((int)(5 + 200 * seconds) + 1, "never more than burst plus rate × time");
    }
}
