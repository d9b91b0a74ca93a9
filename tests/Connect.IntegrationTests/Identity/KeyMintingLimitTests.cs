using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>A key never mints a key that may do more than itself, and keys live no longer than the configured maximum.</summary>
public sealed class KeyMintingLimitTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<HttpClient> KeysAdminOnlyAsync()
    {
        var created = await (await Admin.PostJson("/api-keys", new
        {
            name = "key-manager", scopes = new[] { KeysAdmin }, customerType = "CONSUMER", locale = "en-US",
            rateLimit = new { permitsPerSecond = 10, burst = 20 },
        })).ShouldBe(HttpStatusCode.Created);
        return Api.Client(created["key"]!.GetValue<string>());
    }

    private static object KeyBody(string[] scopes, object? rateLimit = null, DateTimeOffset? expiresAt = null) =>
        new { name = "minted", scopes, customerType = "CONSUMER", locale = "en-US", rateLimit, expiresAt };

    [Fact]
    public async Task Given_a_keys_admin_only_key_When_it_mints_a_key_with_every_scope_Then_403_and_no_key_exists()
    {
        var manager = await KeysAdminOnlyAsync();
        var before = (await (await Admin.GetAsync("/api-keys")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray().Count;

        var problem = await (await manager.PostJson("/api-keys", KeyBody([.. All], new { permitsPerSecond = 10, burst = 20 })))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "key_exceeds_caller");
        problem["detail"]!.GetValue<string>().Should().Contain(CatalogWrite);

        (await (await Admin.GetAsync("/api-keys")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray().Count.Should().Be(before);
    }

    [Theory]
    [InlineData(100_000, 1_000_000)]
    [InlineData(11, 20)]
    [InlineData(10, 21)]
    [InlineData(null, null)] // the service default (1,000,000/s in the tests) is above this caller's own
    public async Task Given_a_key_with_its_own_rate_When_it_mints_a_faster_key_Then_403(int? perSecond, int? burst)
    {
        var manager = await KeysAdminOnlyAsync();
        var rateLimit = perSecond is null ? null : new { permitsPerSecond = perSecond, burst };
        await (await manager.PostJson("/api-keys", KeyBody([KeysAdmin], rateLimit))).ShouldBeProblem(HttpStatusCode.Forbidden, "key_exceeds_caller");
    }

    [Fact]
    public async Task Given_a_keys_admin_only_key_When_it_mints_within_its_own_scopes_and_rate_Then_201()
    {
        var manager = await KeysAdminOnlyAsync();
        await (await manager.PostJson("/api-keys", KeyBody([KeysAdmin], new { permitsPerSecond = 10, burst = 20 }))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_a_maximum_key_lifetime_When_a_key_is_made_without_expiry_or_beyond_it_Then_400_and_within_it_201()
    {
        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Identity:MaxKeyLifetimeDays", "30"));
        var admin = Api.ClientFor(node);

        var missing = await (await admin.PostJson("/api-keys", KeyBody([CatalogRead]))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        missing.ErrorProperties().Should().Contain("expiresAt");
        await (await admin.PostJson("/api-keys", KeyBody([CatalogRead], expiresAt: DateTimeOffset.UtcNow.AddDays(31))))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await admin.PostJson("/api-keys", KeyBody([CatalogRead], expiresAt: DateTimeOffset.UtcNow.AddDays(29))))
            .ShouldBe(HttpStatusCode.Created);
    }
}
