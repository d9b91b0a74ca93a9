using System.Diagnostics;
using System.Net;
using Connect.Catalog.Reading;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.ChangeLog;
using Marten;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// Two API hosts on one database, each with its own in-memory catalog: a change committed through one is seen by
/// the other within a second, through PostgreSQL's LISTEN/NOTIFY, or by looking at the change log every second
/// while the other is not listening.
/// </summary>
public sealed class ReadModelAcrossNodesTests(ConnectApiFactory api) : ApiTest(api)
{
    private static async Task<string> NameOn(HttpClient node) =>
        (await (await node.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK))["name"]!.GetValue<string>();

    /// <summary>How long until <paramref name="node"/> shows the name (gives up after 5 s).</summary>
    private static async Task<TimeSpan> UntilShownAsync(HttpClient node, string name)
    {
        var watch = Stopwatch.StartNew();
        while (await NameOn(node) != name && watch.Elapsed < TimeSpan.FromSeconds(5)) await Task.Delay(10);
        (await NameOn(node)).Should().Be(name);
        return watch.Elapsed;
    }

    [Fact]
    public async Task Given_a_second_node_that_has_read_the_catalog_When_the_first_patches_an_offering_Then_the_second_shows_it_within_1_second()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using var node = Api.WithWebHostBuilder(_ => { });
        var second = await SecondNode.ListeningClientAsync(node);
        (await NameOn(second)).Should().Be("Seamless 10GB");

        foreach (var name in new[] { "First rename", "Second rename" })
        {
            await (await Admin.PatchJson("/product-offerings/o-1", new { name })).ShouldBe(HttpStatusCode.OK);
            (await UntilShownAsync(second, name)).Should().BeLessThan(TimeSpan.FromSeconds(1), "the NOTIFY reaches the other node when the change commits");
        }

        await (await second.PatchJson("/product-offerings/o-1", new { name = "From the second node" })).ShouldBe(HttpStatusCode.OK);
        (await UntilShownAsync(Admin, "From the second node")).Should().BeLessThan(TimeSpan.FromSeconds(1), "it works both ways");
    }

    [Fact]
    public async Task Given_a_node_that_hears_no_changes_When_a_change_commits_without_a_notification_Then_it_shows_the_change_after_at_most_1_second()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using var node = Api.WithWebHostBuilder(_ => { });
        var second = await SecondNode.ListeningClientAsync(node);
        node.Services.GetRequiredService<CatalogChanges>().ListenerConnected = false; // as while its listener reconnects
        (await NameOn(second)).Should().Be("Seamless 10GB");

        // A change no session sees, logged like a command logs it but without its NOTIFY (as if it was lost).
        await Api.ExecuteSqlAsync($$"""
            BEGIN;
            UPDATE catalog.mt_doc_offeringdocument SET data = jsonb_set(data, '{Name}', '"Changed by hand"') WHERE id = 'o-1';
            INSERT INTO {{ChangeLogTable.Name}} (sequence, occurred_at, resource_type, resource_id, change, version, changed_by, fields, resource)
            SELECT max(sequence) + 1, now(), 'productOffering', 'o-1', 'UPDATED', max(version) + 1, 'test', '["name"]', '{}' FROM {{ChangeLogTable.Name}};
            COMMIT;
            """);

        var waited = await UntilShownAsync(second, "Changed by hand");
        waited.Should().BeLessThan(TimeSpan.FromSeconds(1.5), "the log is looked at again for a read once the last look is 1 s old while changes are not heard");
    }
}
