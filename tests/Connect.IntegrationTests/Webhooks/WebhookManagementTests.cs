using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>Webhooks are managed with webhooks:admin; the secret is shown once and nowhere else.</summary>
public sealed class WebhookManagementTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string Url = "http://127.0.0.1:9/hook";

    [Fact]
    public async Task Given_a_created_webhook_When_it_is_read_listed_and_logged_Then_its_secret_appears_only_in_the_create_answer()
    {
        var response = await Admin.PostJson("/webhooks", new { url = Url, resourceTypes = new[] { "productOffering" }, description = "shop" });
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        var created = await response.ShouldBe(HttpStatusCode.Created);
        var secret = created["secret"]!.GetValue<string>();
        secret.Should().StartWith("whsec_");
        Convert.FromBase64String(secret["whsec_".Length..]).Should().HaveCount(32);
        var id = created["webhookId"]!.GetValue<string>();
        response.Headers.Location!.ToString().Should().Be($"/webhooks/{id}");
        created["enabled"]!.GetValue<bool>().Should().BeTrue();

        var one = await (await Admin.GetAsync($"/webhooks/{id}")).Content.ReadAsStringAsync();
        var list = await (await Admin.GetAsync("/webhooks")).Content.ReadAsStringAsync();
        var history = await Api.EventsAsync($"webhook:{id}");
        foreach (var text in new[] { one, list, string.Join("\n", Api.Logs.Lines), System.Text.Json.JsonSerializer.Serialize(history.Select(e => e.Data)) })
        {
            text.Should().NotContain(secret);
            text.Should().NotContain(secret["whsec_".Length..]);
        }
        one.Should().Contain("\"url\":\"http://127.0.0.1:9/hook\"").And.Contain("\"backlog\":0").And.NotContain("secret");
    }

    [Fact]
    public async Task Given_a_repeated_idempotency_key_When_a_webhook_is_created_again_Then_the_secret_is_not_shown_twice()
    {
        var request = HttpAssertions.Json(HttpMethod.Post, "/webhooks", new { url = Url });
        request.Headers.Add("Idempotency-Key", "hook-1");
        var first = await (await Admin.SendAsync(request)).ShouldBe(HttpStatusCode.Created);
        var again = HttpAssertions.Json(HttpMethod.Post, "/webhooks", new { url = Url });
        again.Headers.Add("Idempotency-Key", "hook-1");
        var second = await Admin.SendAsync(again);
        (await second.Content.ReadAsStringAsync()).Should().NotContain(first["secret"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("ftp://example.com/hook")]
    [InlineData("https://user:pass@example.com/hook")]
    [InlineData("/relative")]
    [InlineData("file:///etc/passwd")]
    public async Task Given_a_url_that_is_not_plain_http_When_a_webhook_is_created_or_patched_Then_400(string url)
    {
        (await (await Admin.PostJson("/webhooks", new { url })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
            .ErrorProperties().Should().Contain("url");
        var id = (await (await Admin.PostJson("/webhooks", new { url = Url })).ShouldBe(HttpStatusCode.Created))["webhookId"]!.GetValue<string>();
        await (await Admin.PatchJson($"/webhooks/{id}", new { url })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_private_networks_are_not_allowed_When_a_webhook_points_at_a_private_or_metadata_address_Then_400()
    {
        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Webhooks:AllowPrivateNetworks", "false"));
        var client = Api.ClientFor(node);
        string[] urls =
        [
            "http://127.0.0.1/hook", "http://localhost:8080/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook", "http://172.16.5.5/",
            "http://169.254.169.254/latest/meta-data", "http://[fd00:ec2::254]/", "http://[::1]/hook", "http://[::ffff:10.0.0.1]/hook", "http://0.0.0.0/",
        ];
        foreach (var url in urls)
            (await (await client.PostJson("/webhooks", new { url })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
                .ErrorProperties().Should().Contain("url", url);
        var id = (await (await Admin.PostJson("/webhooks", new { url = Url })).ShouldBe(HttpStatusCode.Created))["webhookId"]!.GetValue<string>();
        await (await client.PatchJson($"/webhooks/{id}", new { url = "http://169.254.169.254/" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_key_without_webhooks_admin_When_it_manages_webhooks_Then_403()
    {
        var writer = await Api.ClientWithKeyAsync([Connect.Identity.Contracts.Scopes.CatalogWrite, Connect.Identity.Contracts.Scopes.CatalogRead]);
        await (await writer.PostJson("/webhooks", new { url = Url })).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        await (await writer.GetAsync("/webhooks")).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Given_a_webhook_When_it_is_patched_and_deleted_Then_the_changes_show_and_it_is_gone()
    {
        var id = (await (await Admin.PostJson("/webhooks", new { url = Url })).ShouldBe(HttpStatusCode.Created))["webhookId"]!.GetValue<string>();
        var patched = await (await Admin.PatchJson($"/webhooks/{id}", new { url = "https://example.com/h", resourceTypes = new[] { "product" }, description = (string?)null, enabled = false }))
            .ShouldBe(HttpStatusCode.OK);
        patched["url"]!.GetValue<string>().Should().Be("https://example.com/h");
        patched["resourceTypes"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("product");
        patched["enabled"]!.GetValue<bool>().Should().BeFalse();
        await (await Admin.PatchJson($"/webhooks/{id}", new { secret = "x" })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.PatchJson($"/webhooks/{id}", new { resourceTypes = new[] { "nope" } })).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        (await Admin.DeleteAsync($"/webhooks/{id}")).StatusCode.Should().Be(HttpStatusCode.NoContent);
        await (await Admin.GetAsync($"/webhooks/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.DeleteAsync($"/webhooks/{id}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.GetAsync($"/webhooks/{id}/deliveries")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Api.EventsAsync($"webhook:{id}")).Select(e => e.Data.GetType().Name).Should().Equal("WebhookCreated", "WebhookUpdated", "WebhookDeleted");
    }
}
