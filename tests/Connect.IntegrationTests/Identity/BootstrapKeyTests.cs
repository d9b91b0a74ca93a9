using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

/// <summary>The configured bootstrap key may be any key, also one that already exists (spec §1).</summary>
public sealed class BootstrapKeyTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_key_made_with_POST_api_keys_When_a_node_starts_with_it_as_the_bootstrap_key_Then_it_starts_and_the_key_has_every_scope()
    {
        var created = await (await Admin.PostJson("/api-keys", new
        {
            name = "promoted", scopes = new[] { CatalogRead }, customerType = "BUSINESS", locale = "de-DE",
        })).ShouldBe(HttpStatusCode.Created);
        var key = created["key"]!.GetValue<string>();
        var id = created["apiKeyId"]!.GetValue<string>();

        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:BootstrapApiKey", key));
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());

        var me = await (await client.GetAsync("/me")).ShouldBe(HttpStatusCode.OK);
        me["apiKeyId"]!.GetValue<string>().Should().Be(id, "the existing key keeps its id and history");
        me["scopes"]!.AsArray().Select(s => s!.GetValue<string>()).Should().BeEquivalentTo(All);
        (await client.GetAsync("/api-keys")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_revoked_key_When_a_node_starts_with_it_as_the_bootstrap_key_Then_it_starts_and_the_key_stays_revoked()
    {
        var created = await (await Admin.PostJson("/api-keys", new
        {
            name = "gone", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US",
        })).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson($"/api-keys/{created["apiKeyId"]}/revoke", new { })).ShouldBe(HttpStatusCode.OK);
        var key = created["key"]!.GetValue<string>();

        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:BootstrapApiKey", key));
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        await (await client.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }
}
