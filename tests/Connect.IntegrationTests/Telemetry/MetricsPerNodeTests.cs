using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Telemetry;

/// <summary>
/// Each host exports only its own measurements, even beside another host in the same process (nodes side by side):
/// another node's requests neither count in this node's series nor end them when that node stops.
/// </summary>
public sealed class MetricsPerNodeTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string ApiKeyCache = "cache=\"api_key\"";

    [Fact]
    public async Task Given_a_second_node_that_served_requests_and_stopped_When_this_node_is_scraped_Then_it_counts_only_its_own_requests()
    {
        var before = await MetricsScrape.TakeAsync(Api);
        await using (var secondNode = Api.WithWebHostBuilder(_ => { }))
        {
            var other = Api.ClientFor(secondNode);
            for (var i = 0; i < 3; i++) (await other.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        }

        (await Admin.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        // A series shared with the stopped node would be exported once more, then dropped.
        await MetricsScrape.TakeAsync(Api);
        (await Admin.GetAsync("/me")).StatusCode.Should().Be(HttpStatusCode.OK);
        var after = await MetricsScrape.TakeAsync(Api);

        (after.RiseSince(before, "connect_cache_hits_total", ApiKeyCache) + after.RiseSince(before, "connect_cache_misses_total", ApiKeyCache))
            .Should().Be(2, "this node looked up a key twice; the other node's lookups are its own");
        after.Value("connect_read_model_position").Should().Be(before.Value("connect_read_model_position"), "nothing was written");
    }
}
