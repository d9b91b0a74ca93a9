using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Serilog.Events;
using Serilog.Formatting.Display;

namespace Connect.IntegrationTests.Http;

/// <summary>Every request leaves one structured log line, and nothing a caller sends can forge another.</summary>
public sealed class RequestLogTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_request_When_answered_Then_one_line_names_method_route_path_status_duration_key_client_and_trace()
    {
        var client = Api.Client();
        client.DefaultRequestHeaders.Remove(ClientAddressFromHeader.Header);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, "10.9.8.7");

        await (await client.GetAsync("/product-offerings/no-such-offering")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");

        var line = RequestLines().Should().ContainSingle(e => Text(e, "RequestPath") == "/product-offerings/no-such-offering").Subject;
        Text(line, "RequestMethod").Should().Be("GET");
        Text(line, "RoutePattern").Should().Be("/product-offerings/{productOfferingId}");
        ((ScalarValue)line.Properties["StatusCode"]).Value.Should().Be(404);
        ((ScalarValue)line.Properties["Elapsed"]).Value.Should().BeOfType<double>().Which.Should().BeGreaterThan(0);
        Text(line, "ApiKeyId").Should().Be("bootstrap");
        Text(line, "ClientAddress").Should().Be("10.9.8.7");
        Text(line, "TraceId").Should().MatchRegex("^[0-9a-f]{32}$");
        line.Level.Should().Be(LogEventLevel.Information);
    }

    [Fact]
    public async Task Given_CR_LF_in_a_path_and_in_a_reason_When_logged_Then_every_log_line_stays_one_line()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        await Admin.GetAsync("/product-offerings/x%0d%0a[12:00:00%20INF]%20forged%0a");
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "done\r\n[12:00:00 INF] forged" })).ShouldBe(HttpStatusCode.OK);

        RequestLines().Should().Contain(e => Text(e, "RequestPath")!.StartsWith("/product-offerings/x%0D%0A", StringComparison.Ordinal));
        var console = new MessageTemplateTextFormatter("[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}");
        foreach (var logEvent in Api.Logs.Events)
        {
            var rendered = new StringWriter();
            console.Format(logEvent, rendered);
            rendered.ToString().Should().NotContainAny(["\r", "\n"], "a caller's text is escaped, not written as a line break");
        }
        Api.Logs.Lines.Should().Contain(l => l.Contains(@"done\r\n[12:00:00 INF] forged", StringComparison.Ordinal));
    }

    private IEnumerable<LogEvent> RequestLines() =>
        Api.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("HTTP {RequestMethod}", StringComparison.Ordinal));

    private static string? Text(LogEvent e, string property) =>
        e.Properties.TryGetValue(property, out var value) ? (value as ScalarValue)?.Value?.ToString() : null;
}
