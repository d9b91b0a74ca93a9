using System.Net;
using System.Text.Json.Nodes;
using Connect.Identity;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Identity;

public sealed class AuthenticationTests(ConnectApiFactory api) : ApiTest(api)
{
    private static JsonObject WithoutRequestFields(JsonNode problem)
    {
        var copy = problem.DeepClone().AsObject();
        copy.Remove("traceId");
        copy.Remove("instance");
        return copy;
    }

    [Fact]
    public async Task Given_missing_unknown_malformed_revoked_or_expired_keys_When_calling_Then_one_identical_401()
    {
        var revoked = await Api.ClientWithKeyAsync(All, revokedAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var expired = await Api.ClientWithKeyAsync(All, expiresAt: DateTimeOffset.UtcNow.AddMinutes(-1));
        var clients = new[] { Api.Client(null), Api.Client("ck_unknown_0000000000000000"), Api.Client("x"), revoked, expired };

        var bodies = new List<string>();
        foreach (var client in clients)
        {
            var response = await client.GetAsync("/product-offerings");
            var problem = await response.ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
            response.Headers.WwwAuthenticate.ToString().Should().Be("ApiKey");
            bodies.Add(WithoutRequestFields(problem).ToJsonString());
        }
        bodies.Distinct().Should().ContainSingle("a caller must not learn why its key failed");
    }

    [Fact]
    public async Task Given_the_header_name_in_another_case_When_calling_Then_the_key_is_accepted()
    {
        var client = Api.CreateClient();
        client.DefaultRequestHeaders.Add("X-API-KEY", ConnectApiFactory.AdminKey);
        (await client.GetAsync("/product-offerings")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_a_read_only_key_When_calling_every_management_endpoint_Then_403()
    {
        var readOnly = await Api.ClientWithKeyAsync([CatalogRead]);
        var endpoints = ProtectedEndpoints().Where(e => e.Scope is not (CatalogRead or IdentityModule.AnyKeyPolicy)).ToList();
        endpoints.Should().HaveCountGreaterThanOrEqualTo(21, "spec §5: eleven catalog management endpoints, five for promo codes, five for keys");

        foreach (var (method, path, _) in endpoints)
        {
            var response = await readOnly.SendAsync(HttpAssertions.Json(new HttpMethod(method), path, new { }));
            await response.ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
        }
    }

    [Fact]
    public async Task Given_a_write_only_key_When_reading_the_catalog_Then_403()
    {
        var writeOnly = await Api.ClientWithKeyAsync([CatalogWrite]);
        var reads = ProtectedEndpoints().Where(e => e.Scope == CatalogRead).ToList();
        reads.Should().HaveCountGreaterThanOrEqualTo(8, "spec §3 has eight public read endpoints, the status history included");
        foreach (var (method, path, _) in reads)
            await (await writeOnly.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).ShouldBeProblem(HttpStatusCode.Forbidden, "forbidden");
    }

    [Fact]
    public async Task Given_no_key_When_calling_health_or_the_OpenAPI_document_or_docs_Then_they_answer()
    {
        var anonymous = Api.Client(null);
        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var document = await (await anonymous.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        document["paths"]!.AsObject().Select(p => p.Key).Should().Contain(["/product-offerings", "/product-catalogs/default"]);
        (await anonymous.GetAsync("/docs")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task Given_every_endpoint_in_the_route_table_Then_each_requires_a_key_except_health_and_docs()
    {
        var anonymous = Api.Client(null);
        var endpoints = ProtectedEndpoints().ToList();
        endpoints.Should().HaveCountGreaterThanOrEqualTo(30);
        endpoints.Should().OnlyContain(e => e.Scope != null, "every endpoint names the scope it needs");
        foreach (var (method, path, _) in endpoints)
            (await anonymous.SendAsync(new HttpRequestMessage(new HttpMethod(method), path))).StatusCode
                .Should().Be(HttpStatusCode.Unauthorized, $"{method} {path} must require a key");
    }

    /// <summary>Every mapped endpoint but health and docs, with the scope its policy names; driven from the route table.</summary>
    private IEnumerable<(string Method, string Path, string? Scope)> ProtectedEndpoints()
    {
        var sources = Api.Services.GetRequiredService<EndpointDataSource>();
        foreach (var endpoint in sources.Endpoints.OfType<RouteEndpoint>())
        {
            var pattern = "/" + (endpoint.RoutePattern.RawText ?? "").TrimStart('/');
            if (pattern.StartsWith("/health") || pattern.StartsWith("/docs") || pattern.StartsWith("/openapi")) continue;
            var scope = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
            var path = System.Text.RegularExpressions.Regex.Replace(pattern, "{[^}]+}", "some-id");
            // HEAD mirrors GET without a body, so it is checked through its GET.
            foreach (var method in (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? []).Where(m => m != "HEAD"))
                yield return (method, path, scope);
        }
    }
}
