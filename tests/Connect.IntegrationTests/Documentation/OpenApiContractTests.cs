using System.Net;
using System.Text.Json.Nodes;
using Connect.Api.OpenApi;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Documentation;

/// <summary>
/// The OpenAPI document is the contract: it is in the repository (docs/openapi.json, what CI lints and clients are
/// generated from), and it names, describes and secures every operation with every answer it can give.
/// </summary>
public sealed partial class OpenApiContractTests(ConnectApiFactory api) : ApiTest(api)
{
    private static readonly string[] Methods = ["get", "post", "patch", "put", "delete"];

    // Backticks and other Markdown stay as written, so the file reads (and diffs) like the prose it holds.
    private static readonly System.Text.Json.JsonSerializerOptions Readable =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    [Fact]
    public async Task Given_the_served_document_When_compared_with_docs_openapi_json_Then_they_are_the_same()
    {
        var served = (await Document()).ToJsonString(Readable) + "\n";
        var path = Path.Combine(TestDatabase.RepositoryRoot(), "docs", "openapi.json");
        if (Environment.GetEnvironmentVariable("CONNECT_UPDATE_CONTRACT") == "1") await File.WriteAllTextAsync(path, served);

        var committed = File.Exists(path) ? (await File.ReadAllTextAsync(path)).ReplaceLineEndings("\n") : "";
        committed.Should().Be(served, "docs/openapi.json must be the document the API serves; "
            + "regenerate it with CONNECT_UPDATE_CONTRACT=1 and a run of this test");
    }

    [Fact]
    public async Task Given_the_document_When_each_operation_is_read_Then_it_is_named_described_and_answers_its_problems()
    {
        var operations = Operations(await Document()).ToList();

        operations.Should().NotBeEmpty();
        foreach (var (key, operation) in operations)
        {
            operation["operationId"]?.GetValue<string>().Should().Be(OperationDocs.All[key].OperationId, key);
            operation["summary"]?.GetValue<string>().Should().NotBeNullOrWhiteSpace(key);
            var responses = operation["responses"]!.AsObject();
            responses.Select(r => r.Key).Should().Contain(s => s.StartsWith('2'), key);
            foreach (var problem in responses.Where(r => r.Key[0] is '4' or '5'))
                problem.Value!["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>()
                    .Should().Be("#/components/schemas/Problem", $"{key} {problem.Key}");
        }
        operations.Select(o => o.Key).Should().BeEquivalentTo(OperationDocs.All.Keys, "every entry describes an operation that exists");
    }

    [Fact]
    public async Task Given_the_document_When_security_is_read_Then_every_operation_but_health_needs_the_key_and_names_its_scope()
    {
        var document = await Document();

        document["components"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>().Should().Be("X-Api-Key");
        foreach (var (key, operation) in Operations(document))
        {
            var secured = operation["security"]!.AsArray().Count > 0;
            secured.Should().Be(!key.Contains("/health/"), key);
            if (secured) operation["responses"]!.AsObject().Should().ContainKeys("401", "429");
        }
        Operation(document, "GET /product-offerings")["description"]!.GetValue<string>().Should().Contain("`catalog:read`");
        Operation(document, "POST /promo-codes")["description"]!.GetValue<string>().Should().Contain("`pricing:write`");
    }

    [Fact]
    public async Task Given_the_offering_list_When_its_operation_is_read_Then_every_filter_is_a_declared_parameter()
    {
        var list = Operation(await Document(), "GET /product-offerings");

        list["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain(
            ["type", "category", "customerType", "status", "productOfferingGroupId", "promoCode", "limit", "offset", "sort"]);
    }

    [Fact]
    public async Task Given_conditional_operations_When_read_Then_they_declare_the_headers_and_the_ETag_answer()
    {
        var document = await Document();

        var patch = Operation(document, "PATCH /product-offerings/{productOfferingId}");
        patch["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain(["If-Match", "If-None-Match", "Idempotency-Key"]);
        patch["responses"]!["412"].Should().NotBeNull();
        patch["responses"]!["200"]!["headers"]!["ETag"].Should().NotBeNull();
        var get = Operation(document, "GET /product-catalogs/default");
        get["parameters"]!.AsArray().Select(p => p!["name"]!.GetValue<string>()).Should().Contain(["If-None-Match", "Accept-Language"]);
        get["responses"]!["304"].Should().NotBeNull();
        get["responses"]!["200"]!["content"]!["application/json"]!["example"]!["name"]!.GetValue<string>().Should().Be("US Consumer Catalog");
        Operation(document, "POST /products")["responses"]!["201"]!["headers"]!["Location"].Should().NotBeNull();
        Operation(document, "GET /changes")["responses"]!["429"]!["headers"]!["Retry-After"].Should().NotBeNull();
    }

    [Fact]
    public async Task Given_the_prose_contract_When_read_Then_it_names_every_path_the_document_serves()
    {
        var prose = Placeholders().Replace(await File.ReadAllTextAsync(Path.Combine(TestDatabase.RepositoryRoot(), "docs", "api.md")), "{}");

        var paths = (await Document())["paths"]!.AsObject().Select(p => p.Key);

        paths.Where(path => !prose.Contains(Placeholders().Replace(path, "{}"), StringComparison.Ordinal))
            .Should().BeEmpty("docs/api.md describes every path of the OpenAPI document");
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\{[^}]*\}")]
    private static partial System.Text.RegularExpressions.Regex Placeholders();

    private async Task<JsonNode> Document() =>
        await (await Api.Client(null).GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

    private static IEnumerable<(string Key, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from method in path.Value!.AsObject()
        where Methods.Contains(method.Key)
        select ($"{method.Key.ToUpperInvariant()} {path.Key}", method.Value!);

    private static JsonNode Operation(JsonNode document, string key) => Operations(document).Single(o => o.Key == key).Operation;
}
