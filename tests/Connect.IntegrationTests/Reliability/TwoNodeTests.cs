using System.Diagnostics;
using System.Net;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Reliability;

/// <summary>Two API instances on one database, as two nodes behind a balancer would be.</summary>
[Trait("Category", "Reliability")]
public sealed class TwoNodeTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_two_nodes_When_archives_of_one_offering_race_across_both_Then_exactly_one_wins_and_one_event_is_stored()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        var nodes = new[] { Admin, Api.ClientFor(secondNode) };

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            nodes[i % 2].PostJson("/product-offerings/o-1/archive", new { reason = $"race {i}" })));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.Conflict);
        (await Api.EventsAsync("o-1")).Count(e => e.Data is ProductOfferingArchived).Should().Be(1);
        var history = await (await nodes[1].GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK);
        history["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()).Should().Equal("AVAILABLE", "ARCHIVED");
    }

    [Fact]
    public async Task Given_two_nodes_When_one_writes_Then_the_other_reads_it_within_1_second()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        var other = Api.ClientFor(secondNode);
        (await other.GetAsync("/product-offerings/o-1")).StatusCode.Should().Be(HttpStatusCode.OK, "the other node has read it once");

        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Renamed on node one" })).ShouldBe(HttpStatusCode.OK);
        var written = Stopwatch.StartNew();
        string? name;
        do name = (await (await other.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK))["name"]!.GetValue<string>();
        while (name != "Renamed on node one" && written.Elapsed < TimeSpan.FromSeconds(3));

        name.Should().Be("Renamed on node one");
        written.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(1));
    }
}
