using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Reliability;

/// <summary>Security properties every response has, checked from the published OpenAPI document so no endpoint slips through.</summary>
public sealed class SecurityTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<List<(string Path, string Method)>> DocumentedOperationsAsync()
    {
        var document = await (await Api.Client(null).GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        return document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key.ToUpperInvariant())))
            .ToList();
    }

    [Fact]
    public async Task Given_every_operation_of_the_OpenAPI_document_When_called_without_a_key_Then_401_except_health()
    {
        var operations = await DocumentedOperationsAsync();
        operations.Should().HaveCountGreaterThan(25);
        var anonymous = Api.Client(null);
        foreach (var (path, method) in operations)
        {
            var url = System.Text.RegularExpressions.Regex.Replace(path, "{[^}]+}", "some-id");
            var response = await anonymous.SendAsync(HttpAssertions.Json(new HttpMethod(method), url, new { }));
            var expected = path.StartsWith("/health", StringComparison.Ordinal) ? HttpStatusCode.OK : HttpStatusCode.Unauthorized;
            response.StatusCode.Should().Be(expected, $"{method} {path}");
        }
    }

    [Fact]
    public async Task Given_any_response_Then_it_carries_the_security_headers()
    {
        foreach (var client in new[] { Admin, Api.Client(null) })
        foreach (var path in new[] { "/product-offerings", "/product-offerings/nope", "/health/live", "/nowhere" })
        {
            var response = await client.GetAsync(path);
            response.Headers.GetValues("X-Content-Type-Options").Should().Equal("nosniff");
            response.Headers.GetValues("X-Frame-Options").Should().Equal("DENY");
            response.Headers.GetValues("Referrer-Policy").Should().Equal("no-referrer");
            response.Headers.Contains("Server").Should().BeFalse();
        }
    }

    [Fact]
    public async Task Given_no_CORS_configuration_When_a_browser_preflights_Then_no_origin_is_allowed()
    {
        var preflight = new HttpRequestMessage(HttpMethod.Options, "/product-offerings");
        preflight.Headers.Add("Origin", "https://shop.example");
        preflight.Headers.Add("Access-Control-Request-Method", "GET");
        var response = await Api.Client(null).SendAsync(preflight);
        response.Headers.Contains("Access-Control-Allow-Origin").Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_configured_origin_When_a_browser_preflights_Then_only_that_origin_is_allowed()
    {
        await using var configured = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Http:CorsOrigins:0", "https://shop.example"));
        var client = configured.CreateClient();
        foreach (var (origin, allowed) in new[] { ("https://shop.example", true), ("https://evil.example", false) })
        {
            var preflight = new HttpRequestMessage(HttpMethod.Options, "/product-offerings");
            preflight.Headers.Add("Origin", origin);
            preflight.Headers.Add("Access-Control-Request-Method", "GET");
            preflight.Headers.Add("Access-Control-Request-Headers", "X-Api-Key");
            var response = await client.SendAsync(preflight);
            response.Headers.Contains("Access-Control-Allow-Origin").Should().Be(allowed, origin);
        }
    }

    [Fact]
    public async Task Given_oversized_input_When_sent_Then_413_or_414_problems_and_nothing_is_stored()
    {
        var huge = "{\"productId\":\"p-big\",\"internalName\":\"" + new string('x', 2 * 1024 * 1024) + "\"}";
        await (await Admin.PostJson("/products", huge)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");
        (await Admin.GetAsync("/products/p-big")).StatusCode.Should().Be(HttpStatusCode.NotFound);

        var chunked = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        chunked.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, "/products") { Content = chunked };
        request.Headers.TransferEncodingChunked = true;
        await (await Admin.SendAsync(request)).ShouldBeProblem(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        await (await Admin.GetAsync("/product-offerings?sort=" + new string('a', 9000))).ShouldBeProblem(HttpStatusCode.RequestUriTooLong, "uri_too_long");
    }
}
