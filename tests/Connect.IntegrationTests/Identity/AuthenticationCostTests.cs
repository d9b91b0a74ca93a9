using System.Net;
using Connect.Identity.Domain;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>
/// Every failing key takes the same path, so nothing but chance tells one from another (spec §1): a key never
/// seen costs exactly one query, whatever is wrong with it, and a key seen before costs none. This is the
/// structure behind the medians <see cref="AuthenticationTimingTests"/> compares on a quiet machine.
/// </summary>
public sealed class AuthenticationCostTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_each_kind_of_failing_key_When_presented_twice_Then_the_first_costs_one_query_and_the_second_none()
    {
        var existing = (await (await Admin.PostJson("/api-keys", new { name = "real", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBe(HttpStatusCode.Created))["apiKeyId"]!.GetValue<string>();
        var kinds = new Dictionary<string, string>
        {
            ["unknown"] = ApiKeySecrets.NewKey(ApiKeySecrets.NewId()),
            ["revoked"] = await StoreKeyAsync(revoked: true),
            ["expired"] = await StoreKeyAsync(revoked: false),
            ["malformed"] = "not a key " + Guid.NewGuid().ToString("N"),
            ["wrong secret"] = ApiKeySecrets.NewKey(existing),
        };
        using var counter = new SqlCommandCounter();
        var client = Api.CreateClient();

        foreach (var (kind, key) in kinds)
        {
            var costs = new List<int>();
            for (var attempt = 0; attempt < 2; attempt++)
            {
                var request = new HttpRequestMessage(HttpMethod.Get, "/me");
                request.Headers.TryAddWithoutValidation("X-Api-Key", key);
                request.Headers.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
                var (response, commands) = await counter.SendAsync(client, request);
                await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
                costs.Add(commands);
            }
            costs.Should().Equal([1, 0], $"a {kind} key costs one query when first seen and none after");
        }
    }

    private async Task<string> StoreKeyAsync(bool revoked)
    {
        var id = ApiKeySecrets.NewId();
        var key = ApiKeySecrets.NewKey(id);
        await using var session = Api.Store.LightweightSession();
        session.Store(new ApiKey
        {
            Id = id, Name = id, KeyHash = ApiKeySecrets.Hash(key), Scopes = [CatalogRead], CustomerType = CustomerType.Consumer, Locale = "en-US",
            CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
            RevokedAt = revoked ? DateTimeOffset.UtcNow.AddDays(-1) : null,
            ExpiresAt = revoked ? null : DateTimeOffset.UtcNow.AddDays(-1),
        });
        await session.SaveChangesAsync();
        return key;
    }
}
