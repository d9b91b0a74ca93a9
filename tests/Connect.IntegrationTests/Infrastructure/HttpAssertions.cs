using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;

namespace Connect.IntegrationTests.Infrastructure;

public static class HttpAssertions
{
    public static Task<HttpResponseMessage> PostJson(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendAsync(Json(HttpMethod.Post, url, body), ifMatch);

    public static Task<HttpResponseMessage> PatchJson(this HttpClient client, string url, object body, string? ifMatch = null) =>
        client.SendAsync(Json(HttpMethod.Patch, url, body), ifMatch);

    /// <summary>Sends the request, with an If-Match header when a tag is given.</summary>
    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpRequestMessage request, string? ifMatch)
    {
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return client.SendAsync(request);
    }

    public static HttpRequestMessage Json(HttpMethod method, string url, object body) => new(method, url)
    {
        Content = body is string raw
            ? new StringContent(raw, Encoding.UTF8, "application/json")
            : JsonContent.Create(body),
    };

    public static async Task<JsonNode> ShouldBe(this HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(status, "the body was {0}", text);
        return text.Length == 0 ? new JsonObject() : JsonNode.Parse(text)!;
    }

    /// <summary>Asserts an RFC 9457 problem with every field of spec §2 and the given code.</summary>
    public static async Task<JsonNode> ShouldBeProblem(this HttpResponseMessage response, HttpStatusCode status, string code)
    {
        var problem = await response.ShouldBe(status);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        problem["code"]!.GetValue<string>().Should().Be(code);
        problem["status"]!.GetValue<int>().Should().Be((int)status);
        foreach (var field in new[] { "type", "title", "detail", "instance", "traceId" })
            problem[field].Should().NotBeNull($"a problem carries '{field}'");
        var text = problem.ToJsonString();
        text.Should().NotContainAny("   at ", "Exception", "Npgsql", "SELECT ", "Connect.Catalog.", "System.");
        return problem;
    }

    public static IEnumerable<string> ErrorProperties(this JsonNode problem) =>
        problem["errors"]!.AsArray().Select(e => e!["property"]!.GetValue<string>());
}
