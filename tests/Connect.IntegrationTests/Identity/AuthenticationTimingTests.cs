using System.Diagnostics;
using System.Net;
using Connect.Identity.Domain;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;
using Xunit.Abstractions;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>
/// Every failing key costs the same, so timing tells nothing about why a key failed (spec §1: one 401 for all of them).
/// Kinds are sampled interleaved in shuffled order, each request from its own address (the wrong-key limit stays out
/// of the way), after a warm-up; medians are compared, and no kind may be faster than another in most rounds.
/// </summary>
public sealed class AuthenticationTimingTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const int Rounds = 300;
    private const int WarmUp = 60;

    [TimingFact]
    public async Task Given_unknown_revoked_expired_malformed_and_wrong_secret_keys_When_timed_Then_their_medians_cannot_be_told_apart()
    {
        var existing = (await (await Admin.PostJson("/api-keys", new { name = "real", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBe(HttpStatusCode.Created))["apiKeyId"]!.GetValue<string>();
        var revoked = await StoreKeysAsync(Rounds + WarmUp + 1, revoked: true);
        var expired = await StoreKeysAsync(Rounds + WarmUp + 1, revoked: false);

        // A prober repeating one key (each kind's key seen before), and a prober sending keys never seen before.
        var kinds = new Dictionary<string, Func<int, string>>
        {
            ["repeated unknown"] = _ => "ck_0123456789abcdef0123456789abcdef_" + new string('a', 64),
            ["repeated revoked"] = _ => revoked[^1],
            ["repeated expired"] = _ => expired[^1],
            ["repeated malformed"] = _ => "not a key",
            ["repeated wrong secret"] = _ => $"ck_{existing}_{new string('b', 64)}",
            ["fresh unknown"] = _ => ApiKeySecrets.NewKey(ApiKeySecrets.NewId()),
            ["fresh revoked"] = i => revoked[i],
            ["fresh expired"] = i => expired[i],
            ["fresh malformed"] = _ => "bad key " + Guid.NewGuid().ToString("N"),
            ["fresh wrong secret"] = _ => ApiKeySecrets.NewKey(existing),
        };
        var samples = kinds.Keys.ToDictionary(k => k, _ => new List<double>());
        var client = Api.CreateClient();
        var order = kinds.Keys.ToArray();
        for (var round = 0; round < WarmUp + Rounds; round++)
        {
            Random.Shared.Shuffle(order);
            foreach (var kind in order)
            {
                var elapsed = await TimeOneAsync(client, kinds[kind](round));
                if (round >= WarmUp) samples[kind].Add(elapsed);
            }
        }

        var medians = samples.ToDictionary(s => s.Key, s => Median(s.Value));
        output.WriteLine("authentication medians: " + string.Join(", ", medians.Select(m => $"{m.Key} {m.Value:0} µs")));
        foreach (var group in new[] { "repeated", "fresh" })
        {
            var inGroup = medians.Where(m => m.Key.StartsWith(group)).ToList();
            inGroup.Max(m => m.Value).Should().BeLessThan(1.5 * inGroup.Min(m => m.Value), $"{group} kinds must cost alike: {string.Join(", ", inGroup)}");
            foreach (var (a, _) in inGroup)
            foreach (var (b, _) in inGroup.Where(b => string.CompareOrdinal(a, b.Key) < 0))
            {
                var faster = samples[a].Zip(samples[b]).Count(p => p.First < p.Second) / (double)Rounds;
                faster.Should().BeInRange(0.2, 0.8, $"'{a}' must not be consistently faster or slower than '{b}'");
            }
        }
    }

    private static async Task<double> TimeOneAsync(HttpClient client, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/me");
        request.Headers.TryAddWithoutValidation("X-Api-Key", key);
        request.Headers.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        var clock = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var elapsed = clock.Elapsed.TotalMicroseconds;
        response.StatusCode.Should().BeOneOf(HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests);
        return elapsed;
    }

    private async Task<string[]> StoreKeysAsync(int count, bool revoked)
    {
        await using var session = Api.Store.LightweightSession();
        var keys = new string[count];
        for (var i = 0; i < count; i++)
        {
            var id = ApiKeySecrets.NewId();
            keys[i] = ApiKeySecrets.NewKey(id);
            session.Store(new ApiKey
            {
                Id = id, Name = id, KeyHash = ApiKeySecrets.Hash(keys[i]), Scopes = [CatalogRead], CustomerType = CustomerType.Consumer,
                CreatedAt = DateTimeOffset.UtcNow.AddDays(-2),
                RevokedAt = revoked ? DateTimeOffset.UtcNow.AddDays(-1) : null,
                ExpiresAt = revoked ? null : DateTimeOffset.UtcNow.AddDays(-1),
            });
        }
        await session.SaveChangesAsync();
        return keys;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted[sorted.Count / 2];
    }
}
