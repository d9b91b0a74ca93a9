using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>
/// An operator sees webhook delivery in the Prometheus scrape: each webhook's backlog, the lag from a change to its
/// receiver's 2xx, and the attempts by outcome.
/// </summary>
public sealed class WebhookMetricsTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_deliveries_a_rejected_attempt_and_a_turned_off_webhook_When_metrics_are_scraped_Then_backlogs_lag_and_outcomes_are_listed()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var paused = await Admin.SubscribeAsync(receiver);
        await (await Admin.PatchJson($"/webhooks/{paused}", new { enabled = false })).ShouldBe(HttpStatusCode.OK);
        var webhookId = await Admin.SubscribeAsync(receiver);
        var answered = 0;
        receiver.Answer = _ => Interlocked.Increment(ref answered) == 1 ? 503 : 200;
        await Admin.CommitChangesAsync(2);
        await receiver.WaitForDeliveredAsync(2);

        var lines = await ScrapeUntilAsync(Admin, l => Backlog(l, webhookId, 0), l => Backlog(l, paused, 2));
        Value(lines, "connect_webhooks_backlog{", $"webhook_id=\"{webhookId}\"").Should().Be(0, "the webhook has received everything");
        Value(lines, "connect_webhooks_backlog{", $"webhook_id=\"{paused}\"").Should().Be(2, "the turned-off webhook has received neither change");
        Value(lines, "connect_webhooks_deliveries_total{", "outcome=\"delivered\"").Should().BeGreaterThanOrEqualTo(2);
        Value(lines, "connect_webhooks_deliveries_total{", "outcome=\"rejected\"").Should().BeGreaterThanOrEqualTo(1);
        Value(lines, "connect_webhooks_delivery_lag_seconds_count{", "").Should().BeGreaterThanOrEqualTo(2, "each 2xx records its lag");
        lines.Should().Contain(l => l.StartsWith("connect_webhooks_delivery_lag_seconds_bucket{", StringComparison.Ordinal) && l.Contains("le=\"1\""),
            "the lag is a histogram in seconds");
    }

    private static double Value(IReadOnlyList<string> lines, string prefix, string label)
    {
        var line = lines.FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal) && l.Contains(label));
        line.Should().NotBeNull($"the scrape should list {prefix}{label}; it has: {string.Join('\n', lines.Where(l => l.StartsWith(prefix, StringComparison.Ordinal)))}");
        return double.Parse(line![(line.LastIndexOf(' ') + 1)..], System.Globalization.CultureInfo.InvariantCulture);
    }

    private static bool Backlog(string line, string webhookId, long value) => line.StartsWith("connect_webhooks_backlog{", StringComparison.Ordinal)
        && line.Contains($"webhook_id=\"{webhookId}\"") && line.EndsWith($" {value}", StringComparison.Ordinal);

    private static async Task<IReadOnlyList<string>> ScrapeUntilAsync(HttpClient scraper, params Func<string, bool>[] seen)
    {
        string[] lines = [];
        for (var attempt = 0; attempt < 50 && !seen.All(s => lines.Any(s)); attempt++)
        {
            // The exporter caches a scrape briefly; the backlog is noted at the node's next look for work.
            if (attempt > 0) await Task.Delay(200);
            var response = await scraper.GetAsync("/metrics");
            response.StatusCode.Should().Be(HttpStatusCode.OK);
            lines = (await response.Content.ReadAsStringAsync()).Split('\n');
        }
        return lines;
    }
}
