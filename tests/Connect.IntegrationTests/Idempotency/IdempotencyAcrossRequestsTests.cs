using System.Net;
using System.Text;
using Connect.Api.Idempotency;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Idempotency;

/// <summary>One key, several attempts at once, on several nodes, or after a failure: the request runs once.</summary>
public sealed class IdempotencyAcrossRequestsTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_the_same_create_sent_twelve_times_at_once_When_they_race_Then_exactly_one_product_is_created()
    {
        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => Admin.CreateProductAsync("race-key")));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created && !r.IsReplay()).Should().Be(1);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.Created || r.StatusCode == HttpStatusCode.Conflict);
        foreach (var busy in responses.Where(r => r.StatusCode == HttpStatusCode.Conflict))
            await busy.ShouldBeProblem(HttpStatusCode.Conflict, "idempotency_key_in_use");
        (await Api.ProductCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_create_answered_by_one_node_When_the_client_retries_on_another_node_Then_the_answer_is_replayed()
    {
        await using var secondNode = Api.WithWebHostBuilder(_ => { });
        var first = await Admin.CreateProductAsync("lost-answer");
        await first.ShouldBe(HttpStatusCode.Created);

        var retry = await Api.ClientFor(secondNode).CreateProductAsync("lost-answer");

        await retry.ShouldBe(HttpStatusCode.Created);
        retry.IsReplay().Should().BeTrue();
        retry.Headers.Location.Should().Be(first.Headers.Location);
        (await Api.ProductCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_request_whose_node_died_mid_way_When_the_lease_ends_Then_a_retry_runs_it()
    {
        // What a node leaves behind when it dies after claiming the key: a running record nobody completes.
        var fingerprint = IdempotentRequest.Fingerprint("POST", "/products", Encoding.UTF8.GetBytes(IdempotentClient.NewProduct));
        var claim = await Api.Services.GetRequiredService<IdempotencyStore>().ClaimAsync("bootstrap", "crashed", fingerprint, default);
        claim.Should().BeOfType<Claim.Owned>();

        await (await Admin.CreateProductAsync("crashed")).ShouldBeProblem(HttpStatusCode.Conflict, "idempotency_key_in_use");
        Api.Clock.Offset = Api.Services.GetRequiredService<IdempotencyOptions>().InProgressLease + TimeSpan.FromSeconds(1);
        var retry = await Admin.CreateProductAsync("crashed");

        await retry.ShouldBe(HttpStatusCode.Created);
        retry.IsReplay().Should().BeFalse();
        (await Api.ProductCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_create_that_failed_with_a_5xx_When_it_is_retried_Then_it_runs_again_and_succeeds()
    {
        await Api.ExecuteSqlAsync("""
            CREATE OR REPLACE FUNCTION public.idempotency_test_fail() RETURNS trigger LANGUAGE plpgsql AS
            $$ BEGIN RAISE EXCEPTION 'injected failure'; END $$;
            CREATE TRIGGER idempotency_test_fail BEFORE INSERT ON catalog.mt_doc_productdocument
            FOR EACH ROW EXECUTE FUNCTION public.idempotency_test_fail();
            """);
        HttpResponseMessage failed;
        try { failed = await Admin.CreateProductAsync("flaky"); }
        finally { await Api.ExecuteSqlAsync("DROP TRIGGER idempotency_test_fail ON catalog.mt_doc_productdocument"); }
        ((int)failed.StatusCode).Should().BeGreaterThanOrEqualTo(500);

        var retry = await Admin.CreateProductAsync("flaky");

        await retry.ShouldBe(HttpStatusCode.Created);
        retry.IsReplay().Should().BeFalse();
        (await Api.ProductCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_expired_records_When_the_cleanup_runs_Then_they_are_deleted_and_live_ones_stay()
    {
        await (await Admin.CreateProductAsync("old")).ShouldBe(HttpStatusCode.Created);
        Api.Clock.Offset = TimeSpan.FromHours(20);
        await (await Admin.CreateProductAsync("recent")).ShouldBe(HttpStatusCode.Created);
        Api.Clock.Offset = TimeSpan.FromHours(25);

        var deleted = await Api.Services.GetRequiredService<IdempotencyCleanup>().CleanupAsync(default);

        deleted.Should().Be(1);
        (await Admin.CreateProductAsync("recent")).IsReplay().Should().BeTrue();
    }

    [Fact]
    public async Task Given_a_started_node_When_another_starts_on_the_same_database_Then_the_records_table_is_left_as_it_is()
    {
        await (await Admin.CreateProductAsync("kept-across-restarts")).ShouldBe(HttpStatusCode.Created);

        await using (var restarted = Api.WithWebHostBuilder(_ => { }))
            (await Api.ClientFor(restarted).CreateProductAsync("kept-across-restarts")).IsReplay().Should().BeTrue();

        var migration = await Api.Store.Storage.Database.CreateMigrationAsync();
        migration.Deltas.Where(d => d.SchemaObject.Identifier.QualifiedName == IdempotencyTable.Name)
            .Should().ContainSingle().Which.Difference.Should().Be(Weasel.Core.SchemaPatchDifference.None);
    }
}
