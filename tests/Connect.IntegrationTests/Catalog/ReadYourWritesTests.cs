using System.Net;
using Connect.Catalog.Reading;
using Connect.IntegrationTests.Infrastructure;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// A node whose look at the change log fails while the database is up (here: a second node whose small connection
/// pool is exhausted, so opening a connection times out) never answers with a snapshot that lacks a change it knows
/// committed; it answers 503 with Retry-After until the log is applied. Its own writes are applied before they are
/// answered, so they are served from memory; without a known change it answers from memory, as during an outage.
/// </summary>
public sealed class ReadYourWritesTests(ConnectApiFactory api) : ApiTest(api)
{
    private const int PoolSize = 3;

    /// <summary>Offering o-1, and a second node with a 3-connection pool that has read it (the caller disposes the node).</summary>
    private async Task<(WebApplicationFactory<Program> Node, HttpClient Client)> SmallPoolNodeAsync()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var connectionString = Api.Services.GetRequiredService<IConfiguration>().GetConnectionString("Connect");
        var small = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = PoolSize, Timeout = 1 };
        var node = Api.WithWebHostBuilder(builder => builder.UseSetting("ConnectionStrings:Connect", small.ConnectionString));
        var client = await SecondNode.ListeningClientAsync(node);
        (await NameOn(client)).Should().Be("Seamless 10GB");
        return (node, client);
    }

    /// <summary>Takes every connection of the node's pool until disposed, so its next re-read cannot open one.</summary>
    private static async Task<IAsyncDisposable> ExhaustPoolAsync(WebApplicationFactory<Program> node)
    {
        var database = node.Services.GetRequiredService<IDocumentStore>().Storage.Database;
        var held = new List<NpgsqlConnection>();
        for (var i = 0; i < PoolSize; i++)
        {
            var connection = database.CreateConnection();
            await connection.OpenAsync();
            held.Add(connection);
        }
        return new Held(held);
    }

    private sealed class Held(List<NpgsqlConnection> connections) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var connection in connections) await connection.DisposeAsync();
        }
    }

    private static async Task<string> NameOn(HttpClient node) =>
        (await (await node.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK))["name"]!.GetValue<string>();

    private static async Task ShouldBeUnavailable(HttpResponseMessage response)
    {
        await response.ShouldBeProblem(HttpStatusCode.ServiceUnavailable, "unavailable");
        response.Headers.RetryAfter.Should().NotBeNull();
    }

    [Fact]
    public async Task Given_a_node_that_committed_a_change_When_its_connections_are_then_exhausted_Then_reads_answer_the_change_from_memory()
    {
        var (node, client) = await SmallPoolNodeAsync();
        await using var _ = node;
        await (await client.PatchJson("/product-offerings/o-1", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);

        await using (await ExhaustPoolAsync(node))
        {
            (await NameOn(client)).Should().Be("Renamed", "the write was applied to the snapshot before it was answered");
            var listed = await (await client.GetAsync("/product-offerings?limit=5")).ShouldBe(HttpStatusCode.OK);
            listed["items"]![0]!["name"]!.GetValue<string>().Should().Be("Renamed");
        }
    }

    [Fact]
    public async Task Given_a_node_that_heard_another_node_commit_When_it_cannot_read_the_log_Then_reads_answer_503_never_the_old_value()
    {
        var (node, client) = await SmallPoolNodeAsync();
        await using var _ = node;
        var changes = node.Services.GetRequiredService<CatalogChanges>();
        var before = changes.Heard;

        await using (await ExhaustPoolAsync(node))
        {
            await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Renamed elsewhere" })).ShouldBe(HttpStatusCode.OK);
            for (var i = 0; i < 100 && changes.Heard == before; i++) await Task.Delay(20);
            changes.Heard.Should().BeGreaterThan(before, "the NOTIFY was heard");

            await ShouldBeUnavailable(await client.GetAsync("/product-offerings/o-1"));
            await ShouldBeUnavailable(await client.GetAsync("/product-offerings/o-1")); // and not for a second from memory
            await ShouldBeUnavailable(await client.GetAsync("/product-offerings?limit=5"));
        }

        (await NameOn(client)).Should().Be("Renamed elsewhere");
    }

    [Fact]
    public async Task Given_no_change_known_since_the_last_read_When_a_re_read_fails_Then_reads_answer_from_memory()
    {
        var (node, client) = await SmallPoolNodeAsync();
        await using var _ = node;
        node.Services.GetRequiredService<CatalogChanges>().ListenerConnected = false; // as while the database is gone
        await Task.Delay(1100); // the snapshot is no longer trusted by age, so the next read re-reads

        await using (await ExhaustPoolAsync(node))
            (await NameOn(client)).Should().Be("Seamless 10GB");
    }
}
