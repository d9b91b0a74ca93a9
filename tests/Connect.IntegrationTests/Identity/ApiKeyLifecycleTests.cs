using System.Net;
using System.Text.Json.Nodes;
using Connect.Identity.Domain;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>Key management (spec §5) and what a key's lifecycle means for the caller holding it.</summary>
public sealed class ApiKeyLifecycleTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<(string Id, string Key, JsonNode Created)> CreateKeyAsync(string[] scopes, string customerType = "CONSUMER",
        string locale = "en-US", DateTimeOffset? expiresAt = null)
    {
        var response = await Admin.PostJson("/api-keys", new
        {
            name = "shop-frontend", scopes, customerType, locale, expiresAt, rateLimit = new { permitsPerSecond = 100, burst = 200 },
        });
        var created = await response.ShouldBe(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue("the only response that carries a key must not be cached");
        return (created["apiKeyId"]!.GetValue<string>(), created["key"]!.GetValue<string>(), created);
    }

    [Fact]
    public async Task Given_a_new_key_When_created_Then_it_is_shown_once_has_256_bits_a_scannable_prefix_and_its_id()
    {
        var (id, key, created) = await CreateKeyAsync([CatalogRead]);

        key.Should().MatchRegex($"^ck_{id}_[0-9a-f]{{64}}$", "prefix, key id, 32 random bytes");
        created["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal(CatalogRead);
        created["customerType"]!.GetValue<string>().Should().Be("CONSUMER");

        var info = await (await Admin.GetAsync($"/api-keys/{id}")).ShouldBe(HttpStatusCode.OK);
        var list = await (await Admin.GetAsync("/api-keys")).ShouldBe(HttpStatusCode.OK);
        foreach (var shown in new[] { info.ToJsonString(), list.ToJsonString() })
        {
            shown.Should().NotContain(key[^64..], "the key is shown only by the create response");
            shown.Should().NotContain(ApiKeySecrets.Hash(key), "the hash is never shown");
        }
        info.AsObject().Select(p => p.Key).Should().NotContain(["key", "keyHash"]);
        list["items"]!.AsArray().SelectMany(k => k!.AsObject().Select(p => p.Key)).Should().NotContain(["key", "keyHash"]);
        list["items"]!.AsArray().Select(k => k!["apiKeyId"]!.GetValue<string>()).Should().Contain([id, "bootstrap"]);

        (await Api.Client(key).GetAsync("/product-offerings")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("""{"name":"","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US"}""", "name")]
    [InlineData("""{"name":"x","scopes":[],"customerType":"CONSUMER","locale":"en-US"}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["catalog:everything"],"customerType":"CONSUMER","locale":"en-US"}""", "scopes")]
    [InlineData("""{"name":"x","scopes":["catalog:read"],"locale":"en-US"}""", "customerType")]
    [InlineData("""{"name":"x","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"english please"}""", "locale")]
    [InlineData("""{"name":"x","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US","expiresAt":"2001-01-01T00:00:00Z"}""", "expiresAt")]
    public async Task Given_an_invalid_key_body_When_created_Then_400_names_the_field(string body, string property)
    {
        var problem = await (await Admin.PostJson("/api-keys", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }

    [Fact]
    public async Task Given_a_body_that_sets_the_key_or_its_hash_When_created_Then_400()
    {
        foreach (var extra in new[] { "\"key\":\"ck_mine\"", "\"keyHash\":\"00\"", "\"changedBy\":\"someone\"", "\"apiKeyId\":\"mine\"" })
            await (await Admin.PostJson("/api-keys", $$"""{"name":"x","scopes":["catalog:read"],"customerType":"CONSUMER","locale":"en-US",{{extra}}}"""))
                .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_key_in_use_When_it_is_revoked_Then_its_very_next_request_gets_the_same_401_as_an_unknown_key()
    {
        var (id, key, _) = await CreateKeyAsync([CatalogRead]);
        var holder = Api.Client(key);
        (await holder.GetAsync("/product-offerings")).StatusCode.Should().Be(HttpStatusCode.OK, "and now the key is cached");

        var revoked = await (await Admin.PostJson($"/api-keys/{id}/revoke", new { reason = "leaked in a screenshot" })).ShouldBe(HttpStatusCode.OK);
        revoked["revokedAt"].Should().NotBeNull();

        var afterRevoke = await (await holder.GetAsync("/product-offerings")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
        var unknown = await (await Api.Client("ck_0123456789abcdef0123456789abcdef_" + new string('0', 64)).GetAsync("/product-offerings"))
            .ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
        afterRevoke["detail"]!.ToJsonString().Should().Be(unknown["detail"]!.ToJsonString());
        afterRevoke["title"]!.ToJsonString().Should().Be(unknown["title"]!.ToJsonString());

        await (await Admin.PostJson($"/api-keys/{id}/revoke", new { })).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
        var history = await (await Admin.GetAsync($"/api-keys/{id}/history")).ShouldBe(HttpStatusCode.OK);
        history["items"]!.AsArray().Select(i => (i!["change"]!.GetValue<string>(), i["changedBy"]!.GetValue<string>()))
            .Should().Equal(("CREATED", "bootstrap"), ("REVOKED", "bootstrap"));
        history["items"]![1]!["reason"]!.GetValue<string>().Should().Be("leaked in a screenshot");
    }

    [Fact]
    public async Task Given_a_key_validated_on_a_second_node_When_revoked_on_the_first_Then_the_second_refuses_it_within_1_second()
    {
        var (id, key, _) = await CreateKeyAsync([CatalogRead]);
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        var onSecondNode = secondNode.CreateClient();
        onSecondNode.DefaultRequestHeaders.Add("X-Api-Key", key);
        // Wait until the second node listens for revocations, then let it cache the key.
        var cache = secondNode.Services.GetRequiredService<ApiKeyCache>();
        // A host starting on a busy machine may take seconds to connect its listener; the bound under test starts after.
        for (var i = 0; i < 400 && !cache.ListenerConnected; i++) await Task.Delay(50);
        cache.ListenerConnected.Should().BeTrue();
        (await onSecondNode.GetAsync("/product-offerings")).StatusCode.Should().Be(HttpStatusCode.OK);

        await (await Admin.PostJson($"/api-keys/{id}/revoke", new { })).ShouldBe(HttpStatusCode.OK);
        var revokedAt = DateTime.UtcNow;

        HttpStatusCode status;
        do status = (await onSecondNode.GetAsync("/product-offerings")).StatusCode;
        while (status == HttpStatusCode.OK && DateTime.UtcNow - revokedAt < TimeSpan.FromSeconds(3));
        status.Should().Be(HttpStatusCode.Unauthorized);
        (DateTime.UtcNow - revokedAt).Should().BeLessThan(TimeSpan.FromSeconds(1), "NOTIFY reaches the other node's listener at commit");
    }

    [Fact]
    public async Task Given_a_key_with_an_expiry_When_the_clock_passes_it_Then_401_and_the_sweep_records_the_expiry_once()
    {
        var (id, key, _) = await CreateKeyAsync([CatalogRead], expiresAt: DateTimeOffset.UtcNow.AddHours(1));
        var holder = Api.Client(key);
        (await holder.GetAsync("/product-offerings")).StatusCode.Should().Be(HttpStatusCode.OK);

        Api.Clock.Offset = TimeSpan.FromHours(2);
        await (await holder.GetAsync("/product-offerings")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");

        var sweep = Api.Services.GetRequiredService<ApiKeyExpirySweep>();
        (await sweep.SweepAsync(CancellationToken.None)).Should().Be(1);
        (await sweep.SweepAsync(CancellationToken.None)).Should().Be(0, "an expiry is recorded once");
        var history = await (await Admin.GetAsync($"/api-keys/{id}/history")).ShouldBe(HttpStatusCode.OK);
        history["items"]!.AsArray().Select(i => i!["change"]!.GetValue<string>()).Should().Equal("CREATED", "EXPIRED");
    }

    [Fact]
    public async Task Given_a_key_When_it_asks_who_it_is_Then_me_shows_its_id_name_scopes_context_expiry_and_rate_limit()
    {
        var expiresAt = DateTimeOffset.UtcNow.AddDays(30);
        var (id, key, _) = await CreateKeyAsync([CatalogRead, PricingWrite], "BUSINESS", "de-DE", expiresAt);

        var me = await (await Api.Client(key).GetAsync("/me")).ShouldBe(HttpStatusCode.OK);

        me["apiKeyId"]!.GetValue<string>().Should().Be(id);
        me["name"]!.GetValue<string>().Should().Be("shop-frontend");
        me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Should().BeEquivalentTo([CatalogRead, PricingWrite]);
        me["customerContext"]!["customerType"]!.GetValue<string>().Should().Be("BUSINESS");
        me["customerContext"]!["locale"]!.GetValue<string>().Should().Be("de-DE");
        me["expiresAt"]!.GetValue<DateTimeOffset>().Should().BeCloseTo(expiresAt, TimeSpan.FromMilliseconds(1));
        me["rateLimit"]!["permitsPerSecond"]!.GetValue<int>().Should().Be(100);
        me["rateLimit"]!["burst"]!.GetValue<int>().Should().Be(200);
        me.ToJsonString().Should().NotContain(key[^64..]);
    }

    [Fact]
    public async Task Given_a_key_used_everywhere_When_the_logs_and_responses_are_read_Then_the_plaintext_appears_only_in_the_create_response()
    {
        var (id, key, created) = await CreateKeyAsync([CatalogRead]);
        var secret = key[^64..];
        var holder = Api.Client(key);
        var bodies = new List<string>();
        foreach (var request in new[] { "/product-offerings", "/me", "/promo-codes", "/product-offerings/nope" })
            bodies.Add(await (await holder.GetAsync(request)).Content.ReadAsStringAsync());
        bodies.Add(await (await Admin.GetAsync($"/api-keys/{id}")).Content.ReadAsStringAsync());
        bodies.Add(await (await Admin.GetAsync($"/api-keys/{id}/history")).Content.ReadAsStringAsync());
        bodies.Add(await (await Admin.PostJson($"/api-keys/{id}/revoke", new { reason = "rotation" })).Content.ReadAsStringAsync());
        bodies.Add(await (await holder.GetAsync("/product-offerings")).Content.ReadAsStringAsync());

        created.ToJsonString().Should().Contain(secret);
        bodies.Should().NotContain(b => b.Contains(secret));
        Api.Logs.Lines.Should().NotBeEmpty();
        Api.Logs.Lines.Should().NotContain(l => l.Contains(secret) || l.Contains(key), "no log line may carry a key");
        Api.Logs.Lines.Should().Contain(l => l.Contains("Audit: CreateApiKey") && l.Contains("bootstrap"));
        Api.Logs.Lines.Should().Contain(l => l.Contains("Audit: RevokeApiKey") && l.Contains("rotation") && l.Contains(id));
    }

    [Fact]
    public async Task Given_a_management_command_When_it_commits_Then_an_audit_line_names_the_acting_key_and_the_change()
    {
        var writer = await Api.ClientWithKeyAsync([CatalogWrite]);
        await (await writer.PostJson("/products", Samples.Product("p-audit"))).ShouldBe(HttpStatusCode.Created);
        await (await writer.PostJson("/products", Samples.Product("p-audit"))).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");

        var audit = Api.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Audit:")).ToList();
        audit.Should().ContainSingle("a refused command changed nothing and is not audited");
        audit[0].Properties["Command"].ToString().Should().Contain("CreateProduct");
        audit[0].Properties["ActingApiKeyId"].ToString().Should().NotContain("bootstrap").And.NotContain("system");
        audit[0].Properties["Changes"].ToString().Should().Contain("p-audit");
    }

    [Fact]
    public async Task Given_a_read_only_key_When_it_calls_key_management_Then_403()
    {
        var reader = await Api.ClientWithKeyAsync([CatalogRead, CatalogWrite, PricingWrite]);
        await (await reader.PostJson("/api-keys", new { name = "x", scopes = new[] { KeysAdmin }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await reader.PostJson("/api-keys/bootstrap/revoke", new { })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }
}
