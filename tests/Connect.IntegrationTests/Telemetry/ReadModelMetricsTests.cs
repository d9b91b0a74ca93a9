using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.ChangeLog;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Telemetry;

/// <summary>
/// An operator sees in the scrape how far this node's catalog read model and each change reaction are behind the
/// change log: positions equal to the log head and no lag once caught up, and the entries a paused reaction has not
/// run yet.
/// </summary>
public sealed class ReadModelMetricsTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string Reaction = "reaction=\"pricing.archived-offerings\"";

    [Fact]
    public async Task Given_a_write_When_the_node_applied_it_Then_the_read_model_position_is_the_log_head_and_the_lag_is_zero()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var head = await LogHeadAsync();

        var scrape = await MetricsScrape.UntilAsync(Api, s => s.Value("connect_read_model_position") == head);

        scrape.Value("connect_read_model_position").Should().Be(head);
        scrape.Value("connect_read_model_head").Should().Be(head);
        scrape.Value("connect_read_model_lag").Should().Be(0);
        scrape.Value("connect_read_model_lag_age_seconds").Should().Be(0);
        scrape.Value("connect_read_model_apply_duration_seconds_count").Should().BeGreaterThan(0, "each step that applied entries is timed");
    }

    [Fact]
    public async Task Given_reactions_caught_up_When_metrics_are_scraped_Then_each_reaction_is_at_the_log_head()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Api.ReactionsCaughtUpAsync();
        var head = await LogHeadAsync();

        var scrape = await MetricsScrape.UntilAsync(Api, s => s.Value("connect_change_reactions_position", Reaction) == head);

        scrape.Value("connect_change_reactions_position", Reaction).Should().Be(head);
        scrape.Value("connect_change_reactions_lag", Reaction).Should().Be(0);
    }

    [Fact]
    public async Task Given_reactions_paused_When_changes_are_written_Then_the_reaction_lag_counts_the_entries_it_has_not_run()
    {
        Api.Services.GetRequiredService<ChangeReactionsSwitch>().Enabled = false;
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var head = await LogHeadAsync();

        var scrape = await MetricsScrape.UntilAsync(Api, s => s.Value("connect_change_reactions_lag", Reaction) == head);

        scrape.Value("connect_change_reactions_lag", Reaction).Should().Be(head, "the reaction has not run any entry of the log");
        scrape.Value("connect_change_reactions_position", Reaction).Should().Be(0);
    }

    private async Task<long> LogHeadAsync()
    {
        var page = await (await Admin.GetAsync("/changes?limit=1000")).ShouldBe(HttpStatusCode.OK);
        var items = page["items"]!.AsArray();
        items.Should().NotBeEmpty();
        return items[^1]!["sequence"]!.GetValue<long>();
    }
}
