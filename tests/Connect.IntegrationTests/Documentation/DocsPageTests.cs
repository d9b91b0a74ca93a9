using System.Net;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Documentation;

/// <summary>
/// The docs page teaches the API under its real name, sends the reader's key with "Test request", and loads
/// nothing from, nor offers anything of, a third party.
/// </summary>
public sealed partial class DocsPageTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_the_docs_page_When_fetched_Then_it_names_X_Api_Key_and_references_no_external_script_font_or_stylesheet()
    {
        var html = await Page();

        html.Should().Contain("X-Api-Key").And.Contain("<title>Connect API</title>");
        Attributes().Matches(html).Select(m => m.Groups["url"].Value)
            .Should().NotBeEmpty().And.OnlyContain(url => !IsExternal(url), "scripts and styles come from this service");
        html.Should().NotContainAny("<link", "@import", "@font-face");
        Strings(Configuration(html)).Where(IsExternal).Should().BeEmpty("the page's configuration points nowhere else");
    }

    [Fact]
    public async Task Given_the_docs_page_When_configured_Then_test_requests_send_the_key_and_no_third_party_feature_is_on()
    {
        var configuration = Configuration(await Page());

        configuration["authentication"]!["preferredSecurityScheme"]!.AsArray().Select(s => s!.GetValue<string>()).Should().Equal("ApiKey");
        configuration["authentication"]!["securitySchemes"]!["ApiKey"]!["name"]!.GetValue<string>().Should().Be("X-Api-Key");
        configuration["withDefaultFonts"]!.GetValue<bool>().Should().BeFalse("default fonts come from Scalar's CDN");
        configuration["_integration"].Should().BeNull("the .NET integration flag adds a Deploy offer");
        configuration["agent"]!["disabled"]!.GetValue<bool>().Should().BeTrue("no Ask AI");
        configuration["telemetry"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Given_the_document_When_its_introduction_is_read_Then_it_teaches_keys_errors_paging_ETags_and_the_change_log()
    {
        var info = (await (await Api.Client(null).GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK))["info"]!;

        info["title"]!.GetValue<string>().Should().Be("Connect API");
        info["description"]!.GetValue<string>().Should().ContainAll(
            "X-Api-Key", "POST /api-keys", "application/problem+json", "limit", "If-None-Match", "If-Match", "GET /changes", "README.md");
    }

    private async Task<string> Page()
    {
        var response = await Api.Client(null).GetAsync("/docs/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        return await response.Content.ReadAsStringAsync();
    }

    /// <summary>The configuration object the page passes to Scalar's initialize call.</summary>
    private static JsonNode Configuration(string html)
    {
        var call = Initialize().Match(html);
        call.Success.Should().BeTrue("the page initializes Scalar with its configuration");
        return JsonNode.Parse(call.Groups["configuration"].Value)!;
    }

    private static IEnumerable<string> Strings(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => Strings(p.Value)),
        JsonArray a => a.SelectMany(Strings),
        JsonValue v when v.TryGetValue<string>(out var s) => [s],
        _ => [],
    };

    private static bool IsExternal(string url) =>
        url.StartsWith("//", StringComparison.Ordinal) || url.Contains("://", StringComparison.Ordinal);

    [GeneratedRegex(@"initialize\(\s*'[^']*',\s*(?:true|false),\s*(?<configuration>\{.*\}),\s*$", RegexOptions.Multiline)]
    private static partial Regex Initialize();

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']*)["']""", RegexOptions.IgnoreCase)]
    private static partial Regex Attributes();
}
