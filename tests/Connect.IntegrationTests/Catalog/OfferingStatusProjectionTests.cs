using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Catalog.Domain;
using Connect.Catalog.Projections;
using Connect.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// The status history as Marten stores it: one stream per offering, in PostgreSQL (a second host reads it),
/// and the inline projection that keeps the document's status, live and rebuilt.
/// </summary>
public sealed class OfferingStatusProjectionTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_an_event_appended_to_the_stream_directly_When_the_offering_is_read_next_Then_the_inline_projection_has_set_its_status()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using (var session = Api.Store.LightweightSession())
        {
            session.Events.Append("o-1", new ProductOfferingArchived("by hand", "test", DateTimeOffset.UtcNow));
            await session.SaveChangesAsync();
        }

        var offering = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        offering["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        offering["name"]!.GetValue<string>().Should().Be("Seamless 10GB", "the projection patches the status only");
    }

    [Fact]
    public async Task Given_100_offerings_with_random_status_changes_When_the_projection_is_rebuilt_over_corrupted_statuses_Then_the_documents_equal_the_live_ones()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        var random = new Random(20250605);
        var expected = new Dictionary<string, string>();
        for (var i = 0; i < 100; i++)
        {
            var id = $"o-{i:D3}";
            await (await Admin.PostJson("/product-offerings", Samples.Offering(id, "p-1", name: $"Offering {i}"))).ShouldBe(HttpStatusCode.Created);
            var archived = false;
            for (var step = random.Next(0, 7); step > 0; step--)
            {
                if (random.Next(8) == 0)
                    await (await Admin.PatchJson($"/product-offerings/{id}", new { description = $"step {step}" })).ShouldBe(HttpStatusCode.OK);
                else
                {
                    await (await Admin.PostJson($"/product-offerings/{id}/{(archived ? "restore" : "archive")}", new { reason = $"step {step}" }))
                        .ShouldBe(HttpStatusCode.OK);
                    archived = !archived;
                }
            }
            expected[id] = archived ? "ARCHIVED" : "AVAILABLE";
        }
        var live = await DocumentsAsync();
        live.Values.Select(d => d.Status.ToString()).Should().Contain(["Available", "Archived"]);
        foreach (var (id, status) in expected)
            (await (await Admin.GetAsync($"/product-offerings/{id}")).ShouldBe(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be(status);

        // Flip every stored status, so that a rebuild which did nothing would fail the comparison below.
        await using (var session = Api.Store.LightweightSession())
        {
            session.QueueSqlCommand("update catalog.mt_doc_offeringdocument set data = jsonb_set(data, '{Status}', to_jsonb(3 - (data->>'Status')::int))");
            await session.SaveChangesAsync();
        }
        var corrupted = await DocumentsAsync();
        corrupted.Should().OnlyContain(d => d.Value.Status != live[d.Key].Status);

        using (var daemon = await Api.Store.BuildProjectionDaemonAsync())
            await daemon.RebuildProjectionAsync(OfferingStatusProjection.ProjectionName, CancellationToken.None);

        var rebuilt = await DocumentsAsync();
        rebuilt.Keys.Should().BeEquivalentTo(live.Keys, "a rebuild of a patch-only projection deletes nothing");
        foreach (var (id, document) in live)
            JsonSerializer.Serialize(rebuilt[id]).Should().Be(JsonSerializer.Serialize(document), $"{id} is rebuilt exactly");
    }

    private async Task<Dictionary<string, OfferingDocument>> DocumentsAsync()
    {
        await using var session = Api.Store.QuerySession();
        return (await session.Query<OfferingDocument>().ToListAsync()).ToDictionary(d => d.Id);
    }

    [Fact]
    public async Task Given_a_history_When_a_second_host_starts_on_the_same_database_Then_it_reads_the_same_history()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-1/restore", new { reason = "back" })).ShouldBe(HttpStatusCode.OK);
        var before = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).Content.ReadAsStringAsync();

        await using var restarted = Api.WithWebHostBuilder(_ => { });
        var client = restarted.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", ConnectApiFactory.AdminKey);
        var after = await client.GetAsync("/product-offerings/o-1/status-history");

        restarted.Services.GetRequiredService<IDocumentStore>().Should().NotBeSameAs(Api.Store, "the second host has its own store and memory");
        (await after.ShouldBe(HttpStatusCode.OK)).ToJsonString().Should().Be(JsonNode.Parse(before)!.ToJsonString());
        JsonDocument.Parse(before).RootElement.GetProperty("items").GetArrayLength().Should().Be(3);
    }

    [Fact]
    public async Task Given_the_demo_catalog_When_loaded_at_start_Then_every_offering_has_its_creation_by_system_in_its_history()
    {
        await using var demo = Api.WithWebHostBuilder(b => b.UseSetting("Connect:DemoData", "true"));
        _ = demo.Services; // starting the host loads the demo catalog

        await using var session = Api.Store.QuerySession();
        var offerings = await session.Query<OfferingDocument>().ToListAsync();
        offerings.Should().HaveCountGreaterThanOrEqualTo(6);
        foreach (var offering in offerings)
        {
            var events = await Api.EventsAsync(offering.Id);
            events.Should().ContainSingle().Which.Data.Should().BeEquivalentTo(new ProductOfferingCreated("system", offering.CreatedAt));
        }
    }

    [Fact]
    public async Task Given_an_offering_stored_without_a_stream_When_read_and_archived_Then_its_creation_is_its_history_and_the_stream_starts()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using (var session = Api.Store.LightweightSession())
        {
            session.QueueSqlCommand("delete from events.mt_events where stream_id = 'o-1'");
            session.QueueSqlCommand("delete from events.mt_streams where id = 'o-1'");
            await session.SaveChangesAsync();
        }
        (await Api.EventsAsync("o-1")).Should().BeEmpty();
        var offering = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);

        var history = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK);
        var created = history["items"]!.AsArray().Should().ContainSingle().Subject!;
        created["changedBy"]!.GetValue<string>().Should().Be("system");
        created["occurredAt"]!.GetValue<string>().Should().Be(offering["createdAt"]!.GetValue<string>());

        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "x" })).ShouldBe(HttpStatusCode.OK);
        (await Api.EventsAsync("o-1")).Select(e => (e.Version, e.Data.GetType()))
            .Should().Equal((1L, typeof(ProductOfferingCreated)), (2L, typeof(ProductOfferingArchived)));
    }
}
