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
    public async Task Given_an_address_guessing_keys_When_it_passes_the_limit_Then_429_even_for_a_valid_key_while_others_still_get_in()
    {
        var guesser = Api.Client("ck_guess_0000");
        for (var i = 0; i < 30; i++)
            await (await guesser.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");

        var blocked = await guesser.GetAsync("/me");
        await blocked.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        blocked.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);

        // Same address, now with a valid key: still held back until the window ends.
        var sameAddress = Api.Client(ConnectApiFactory.AdminKey);
        sameAddress.DefaultRequestHeaders.Remove(ClientAddressFromHeader.Header);
        sameAddress.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, guesser.DefaultRequestHeaders.GetValues(ClientAddressFromHeader.Header));
        await (await sameAddress.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        (await Admin.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK, "other addresses are not affected");
    }
}
