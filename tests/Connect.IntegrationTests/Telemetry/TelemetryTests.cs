using System.Diagnostics;
using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Telemetry;

/// <summary>
/// An operator sees each request in the Prometheus scrape at <c>/metrics</c> (by route, no key needed) and as a trace:
/// the request's span with its route, status and the calling key's id (never the key), and under it the mediator's and
/// the database's spans.
/// </summary>
public sealed class TelemetryTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_request_When_metrics_are_scraped_without_a_key_Then_its_route_shows_in_the_request_duration()
    {
        (await Admin.GetAsync("/product-offering-groups")).StatusCode.Should().Be(HttpStatusCode.OK);

        var scrape = "";
        for (var attempt = 0; attempt < 20 && !scrape.Contains("http_route=\"/product-offering-groups\""); attempt++)
        {
            // The exporter caches a scrape briefly, and the duration is recorded as the request ends.
            if (attempt > 0) await Task.Delay(200);
            var response = await Api.Client(null).GetAsync("/metrics");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
            scrape = await response.Content.ReadAsStringAsync();
        }

        scrape.Split('\n').Should().Contain(line => line.StartsWith("http_server_request_duration_seconds_count{", StringComparison.Ordinal)
            && line.Contains("http_route=\"/product-offering-groups\"") && line.Contains("http_response_status_code=\"200\""));
        scrape.Should().Contain("dotnet_gc_collections", "runtime metrics are exported too");
    }

    [Fact]
    public async Task Given_a_write_When_it_is_traced_Then_its_span_has_route_status_and_key_id_and_the_mediator_and_database_spans_are_under_it()
    {
        var client = await Api.ClientWithKeyAsync([Connect.Identity.Contracts.Scopes.CatalogWrite]);
        var key = client.DefaultRequestHeaders.GetValues("X-Api-Key").Single();
        var keyId = key.Split('_')[1];
        var trace = Api.Traces.Watch();
        client.DefaultRequestHeaders.Add("traceparent", $"00-{trace}-{ActivitySpanId.CreateRandom()}-01");

        (await client.PostJson("/products", Samples.Product("traced-product"))).StatusCode.Should().Be(HttpStatusCode.Created);

        var inTrace = Api.Traces.Spans(trace);
        var server = inTrace.Should().ContainSingle(s => s.Source.Name == "Microsoft.AspNetCore").Subject;
        server.GetTagItem("http.route").Should().Be("/products");
        server.GetTagItem("http.response.status_code").Should().Be(201);
        server.GetTagItem("connect.api_key.id").Should().Be(keyId);
        inTrace.Should().Contain(s => s.Source.Name == "Connect.Mediator" && s.DisplayName == "CreateProduct");
        inTrace.Should().Contain(s => s.Source.Name == "Npgsql", "the database commands are traced");
        inTrace.Should().Contain(s => s.Source.Name == "Marten", "the Marten session is traced");
        inTrace.SelectMany(s => s.TagObjects).Should().NotContain(t => (t.Value as string ?? "").Contains(key), "a key never reaches a trace");
    }
}
