using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Connect.IntegrationTests.Identity;

/// <summary>
/// Wrong keys are throttled per client address (IPv6 per /64), valid keys never are, and the client address behind
/// trusted proxies is the right-most untrusted one of X-Forwarded-For (spec §1).
/// </summary>
public sealed class WrongKeyThrottleTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string WrongKey = "ck_guess_00000000";

    private static HttpClient From(WebApplicationFactory<Program> host, string address, string key, string? forwardedFor = null)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, address);
        if (forwardedFor is not null) client.DefaultRequestHeaders.Add("X-Forwarded-For", forwardedFor);
        return client;
    }

    private static async Task ExhaustAsync(HttpClient guesser)
    {
        for (var i = 0; i < 30; i++)
            await (await guesser.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_an_address_past_the_wrong_key_limit_When_it_sends_a_valid_key_Then_200_while_its_wrong_keys_get_429()
    {
        var address = ClientAddressFromHeader.NewAddress();
        var guesser = From(Api, address, WrongKey);
        await ExhaustAsync(guesser);

        var blocked = await guesser.GetAsync("/me");
        await blocked.ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        blocked.Headers.RetryAfter!.Delta.Should().BeGreaterThan(TimeSpan.Zero);
        (await From(Api, address, ConnectApiFactory.AdminKey).GetAsync("/me")).StatusCode
            .Should().Be(HttpStatusCode.OK, "many customers share one NAT; one guesser must not lock them out");
        await (await From(Api, address, "ck_another_guess_000").GetAsync("/me")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public async Task Given_an_IPv6_client_rotating_through_its_64_When_it_passes_the_limit_Then_the_whole_64_is_held_back_and_no_other()
    {
        for (var i = 0; i < 30; i++)
            await (await From(Api, $"2001:db8:1:2::{i + 1:x}", WrongKey).GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");

        await (await From(Api, "2001:db8:1:2:ffff:1:2:3", WrongKey).GetAsync("/me")).ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        await (await From(Api, "2001:db8:1:3::1", WrongKey).GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_two_trusted_proxy_hops_When_clients_guess_keys_Then_each_client_is_counted_by_its_own_address()
    {
        await using var behindProxies = Api.WithWebHostBuilder(b => b
            .UseSetting("Connect:Http:TrustedProxies:0", "192.0.2.0/24")
            .UseSetting("Connect:Http:TrustedProxies:1", "2001:db8:ffff::1"));
        const string balancer = "192.0.2.1";
        // client → 2001:db8:ffff::1 (edge proxy) → 192.0.2.1 (load balancer) → Connect
        await ExhaustAsync(From(behindProxies, balancer, WrongKey, "198.51.100.23, 2001:db8:ffff::1"));

        await (await From(behindProxies, balancer, WrongKey, "198.51.100.23, 2001:db8:ffff::1").GetAsync("/me"))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        // A client cannot escape by prepending addresses of its own: the right-most untrusted one counts.
        await (await From(behindProxies, balancer, WrongKey, "203.0.113.99, 198.51.100.23, 2001:db8:ffff::1").GetAsync("/me"))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
        await (await From(behindProxies, balancer, WrongKey, "198.51.100.24, 2001:db8:ffff::1").GetAsync("/me"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_caller_that_is_not_a_trusted_proxy_When_it_sends_X_Forwarded_For_Then_its_own_address_is_counted()
    {
        await using var behindProxies = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Http:TrustedProxies:0", "192.0.2.0/24"));
        var direct = ClientAddressFromHeader.NewAddress();
        for (var i = 0; i < 30; i++)
            await (await From(behindProxies, direct, WrongKey, $"198.51.100.{i + 1}").GetAsync("/me"))
                .ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");

        await (await From(behindProxies, direct, WrongKey, "198.51.100.200").GetAsync("/me"))
            .ShouldBeProblem(HttpStatusCode.TooManyRequests, "rate_limited");
    }

    [Fact]
    public void Given_the_retired_TrustForwardedFor_setting_When_the_service_starts_Then_it_refuses_naming_TrustedProxies()
    {
        using var retired = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Http:TrustForwardedFor", "true"));
        var start = () => retired.Services;
        start.Should().Throw<InvalidOperationException>().WithMessage("*TrustedProxies*");
    }
}
