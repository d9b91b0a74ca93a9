using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Reliability;

/// <summary>
/// Thousands of generated hostile requests against every operation of the OpenAPI document: never a 5xx, always
/// a problem document for an error, nothing internal in any body, and the service healthy afterwards.
/// </summary>
public sealed class HostileInputTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private static readonly string[] HostileIds =
    [
        "' OR '1'='1", "1; DROP TABLE offerings;--", "../../../etc/passwd", "%00", "%2e%2e%2f", "a%00b",
        "𝕳𝖊𝖑𝖑𝖔", "\u202Eevil", "<script>alert(1)</script>", "${jndi:ldap://x/a}", "NaN", "-1", "0", " ", "default",
        new string('a', 300), new string('x', 5000), "ü", "null", "undefined", "%ZZ", "a/b", "%F0%9F%92%A9",
    ];

    private static readonly string[] HostileValues =
    [
        "", " ", "-1", "0", "5000", "1e309", "99999999999999999999", "abc", "' OR 1=1--", "%00", "\u0000", "𝕏", "\uFFFF",
        "ALL", "all", "-", "--name", "netPrice,-name", "SUBSCRIPTION,SUBSCRIPTION,SUBSCRIPTION", new string('z', 300),
        "PRODUCT_CATEGORY_", "<b>", "{}", "[]", "null", "true",
    ];

    private static readonly string[] QueryNames =
        ["limit", "offset", "type", "types", "category", "categories", "customerType", "status", "sort", "promoCode", "productOfferingGroupId"];

    [Fact]
    public async Task Given_thousands_of_hostile_requests_against_every_documented_operation_Then_no_5xx_only_problems_and_still_healthy()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var document = await (await Api.Client(null).GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var operations = document["paths"]!.AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(m => (Path: p.Key, Method: m.Key.ToUpperInvariant())))
            .ToList();
        operations.Should().HaveCountGreaterThan(25, "the fuzz follows the document, so it grows with the API");

        var random = new Random(20261123);
        var failures = new List<string>();
        var sent = 0;
        foreach (var (path, method) in operations)
        foreach (var request in Generate(path, method, random))
        {
            sent++;
            var description = $"{request.Method} {Truncate(request.RequestUri!.OriginalString)} {Truncate(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";
            HttpResponseMessage response;
            try { response = await Admin.SendAsync(request); }
            catch (Exception ex) { failures.Add($"{description} → threw {ex.GetType().Name}: {ex.Message} {ex.StackTrace?.Split('\n').FirstOrDefault()}"); continue; }
            var body = await response.Content.ReadAsStringAsync();
            if ((int)response.StatusCode >= 500)
                failures.Add($"{description} → {(int)response.StatusCode} {Truncate(body)}");
            else if ((int)response.StatusCode >= 400 && response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                failures.Add($"{description} → {(int)response.StatusCode} without a problem document");
            else if (LeaksInternals(body))
                failures.Add($"{description} → body leaks internals: {body}");
        }

        output.WriteLine($"hostile requests sent: {sent}, failures: {failures.Count}");
        foreach (var failure in failures.Take(200)) output.WriteLine(failure);
        failures.Should().BeEmpty();
        sent.Should().BeGreaterThan(2000);
        (await Api.Client(null).GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Admin.GetAsync("/product-offerings/o-1")).StatusCode.Should().Be(HttpStatusCode.OK, "the service still answers normally");
    }

    private static bool LeaksInternals(string body) =>
        body.Contains("   at ", StringComparison.Ordinal) || body.Contains("Exception", StringComparison.Ordinal) ||
        body.Contains("Npgsql", StringComparison.Ordinal) || body.Contains("Marten", StringComparison.Ordinal) ||
        body.Contains("SELECT ", StringComparison.OrdinalIgnoreCase) || body.Contains("System.", StringComparison.Ordinal) ||
        body.Contains("mt_doc", StringComparison.Ordinal);

    private static string Truncate(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private static IEnumerable<HttpRequestMessage> Generate(string template, string method, Random random)
    {
        var hasBody = method is "POST" or "PATCH";
        string PathWith(string id) => System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", Uri.EscapeDataString(id));
        var plain = PathWith("o-1");

        // Injection-shaped and odd ids in the path.
        foreach (var id in HostileIds)
            yield return Build(method, template.Contains('{') ? PathWith(id) : plain, hasBody ? "{}" : null);
        // Raw (unescaped) odd path segments. (A raw %00 never reaches the app: Kestrel refuses a NUL in the
        // path with its own 400, and the in-memory test server cannot even build such a request.)
        foreach (var raw in new[] { "%", "..%2f..%2f", "%C0%AE", "a%20b", "%FF%FE" })
            yield return Build(method, template.Contains('{') ? System.Text.RegularExpressions.Regex.Replace(template, "{[^}]+}", raw) : plain, null);

        // Query strings: hostile values for every known parameter, repeated parameters, and 10 kB of them.
        for (var i = 0; i < 40; i++)
        {
            var query = string.Join("&", Enumerable.Range(0, random.Next(1, 4)).Select(_ =>
                $"{QueryNames[random.Next(QueryNames.Length)]}={Uri.EscapeDataString(HostileValues[random.Next(HostileValues.Length)])}"));
            yield return Build(method, $"{plain}?{query}", hasBody ? "{}" : null);
        }
        yield return Build(method, $"{plain}?promoCode={new string('A', 10 * 1024)}", null);
        yield return Build(method, $"{plain}?{string.Join("&", Enumerable.Range(0, 900).Select(i => $"type=T{i}"))}", null);

        if (!hasBody) yield break;
        foreach (var body in HostileBodies(random))
            yield return Build(method, plain, body);
        yield return Build(method, plain, "{}", "text/plain");
        yield return Build(method, plain, "<xml/>", "application/xml");
        yield return BuildBytes(method, plain, [0xEF, 0xBB, 0xBF, (byte)'{', (byte)'}']);
        yield return BuildBytes(method, plain, [(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
    }

    private static IEnumerable<string> HostileBodies(Random random)
    {
        string[] names = ["name", "productId", "productOfferingId", "productOfferingGroupId", "customerType", "price", "metadata", "code",
            "discountType", "value", "currency", "validFrom", "appliesTo", "scopes", "locale", "expiresAt", "reason", "type", "category",
            "features", "requirements", "productOfferingIds", "isDefault", "status", "createdAt", "netPrice", "keyHash", "changedBy"];
        string[] values = ["123", "-1", "1e400", "-0", "0.0000000000000000000000000001", "true", "null", "[]", "{}", "\"\"", "\"\\u0000\"",
            "\"\\ud800\"", "\"𝕏\"", "\"' OR 1=1--\"", "[null]", "[1,2,3]", "{\"a\":{\"b\":{\"c\":[]}}}", "\"2030-13-45T99:99:99Z\"",
            "\"SUBSCRIPTION\"", "\"PERCENTAGE\"", "\"USD\"", "99999999999999999999999999999", "\"" + new string('s', 5000) + "\""];
        foreach (var raw in new[] { "", " ", "null", "[]", "\"x\"", "1", "{", "}", "{\"a\":", "{\"a\":1,\"a\":2}", "[[[[[[]]]]]]" })
            yield return raw;
        yield return new string('[', 5000) + new string(']', 5000);
        yield return "{\"metadata\":" + string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200) + "}";
        yield return "{\"name\":\"" + new string('n', 900_000) + "\"}";
        yield return "{\"name\":\"" + new string('n', 3 * 1024 * 1024) + "\"}";
        yield return "{" + string.Join(",", Enumerable.Range(0, 5000).Select(i => $"\"k{i}\":{i}")) + "}";
        for (var i = 0; i < 60; i++)
        {
            var fields = Enumerable.Range(0, random.Next(1, 6))
                .Select(_ => names[random.Next(names.Length)]).Distinct()
                .Select(n => $"\"{n}\":{values[random.Next(values.Length)]}");
            yield return "{" + string.Join(",", fields) + "}";
        }
    }

    private static HttpRequestMessage Build(string method, string url, string? body, string mediaType = "application/json") =>
        new(new HttpMethod(method), url) { Content = body is null ? null : new StringContent(body, Encoding.UTF8, mediaType) };

    private static HttpRequestMessage BuildBytes(string method, string url, byte[] body)
    {
        var content = new ByteArrayContent(body);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        return new HttpRequestMessage(new HttpMethod(method), url) { Content = content };
    }
}
