using System.Net;
using Connect.Identity.Domain;
using Connect.IntegrationTests.Infrastructure;
using Marten;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>Key management can never be locked out: the last usable keys:admin key cannot be revoked, even in a race.</summary>
public sealed class LastAdminKeyTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<(string Id, HttpClient Client)> AdminKeyAsync(DateTimeOffset? expiresAt = null)
    {
        var created = await (await Admin.PostJson("/api-keys", new
        {
            name = "second-admin", scopes = new[] { KeysAdmin }, customerType = "CONSUMER", locale = "en-US", expiresAt,
        })).ShouldBe(HttpStatusCode.Created);
        return (created["apiKeyId"]!.GetValue<string>(), Api.Client(created["key"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Given_the_only_admin_key_When_it_revokes_itself_Then_409_last_admin_key_and_it_keeps_working()
    {
        await (await Admin.PostJson("/api-keys/bootstrap/revoke", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "last_admin_key");
        (await Admin.GetAsync("/api-keys")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_another_admin_key_that_expired_When_the_bootstrap_key_is_revoked_Then_409_since_no_usable_admin_key_would_be_left()
    {
        var (_, other) = await AdminKeyAsync(expiresAt: DateTimeOffset.UtcNow.AddMinutes(5));
        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await (await other.GetAsync("/api-keys")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
        await (await Admin.PostJson("/api-keys/bootstrap/revoke", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "last_admin_key");
    }

    [Fact]
    public async Task Given_two_admin_keys_When_each_revokes_the_other_at_the_same_time_Then_exactly_one_succeeds_every_time()
    {
        for (var round = 0; round < 10; round++)
        {
            await Api.ResetAsync();
            var (otherId, other) = await AdminKeyAsync();
            var first = new TaskCompletionSource();
            var byBootstrap = Task.Run(async () => { await first.Task; return await Admin.PostJson($"/api-keys/{otherId}/revoke", new { }); });
            var byOther = Task.Run(async () => { await first.Task; return await other.PostJson("/api-keys/bootstrap/revoke", new { }); });
            first.SetResult();
            var statuses = (await Task.WhenAll(byBootstrap, byOther)).Select(r => r.StatusCode).ToList();

            statuses.Count(s => s == HttpStatusCode.OK).Should().Be(1, $"round {round}: {string.Join(", ", statuses)}");
            await using var session = Api.Store.QuerySession();
            (await session.Query<ApiKey>().CountAsync(k => k.RevokedAt == null)).Should().Be(1, "one admin key survives");
        }
    }
}
