using System.Net;
using Connect.Api;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Errors;

/// <summary>Connection limits, stream keys, restarts, audit lines and list pricing where they meet.</summary>
public sealed class OperationalEdgeTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("Host=db", 5, 15)]
    [InlineData("Host=db;Timeout=30", 30, 15)]
    [InlineData("Host=db;Command Timeout=60", 5, 60)]
    public void Given_a_connection_string_When_bounded_Then_unset_waits_get_5_and_15_seconds_and_set_ones_are_kept(
        string given, int timeout, int commandTimeout)
    {
        var bounded = new Npgsql.NpgsqlConnectionStringBuilder(MartenSetup.WithBoundedWaits(given));
        (bounded.Timeout, bounded.CommandTimeout).Should().Be((timeout, commandTimeout));
    }

    [Fact]
    public async Task Given_a_connection_cut_under_a_retry_When_classified_Then_it_is_an_unreachable_database_not_a_500()
    {
        // The outage run saw Npgsql's "Connection is not open" (a retry on a connection the server had cut) as a 500.
        await using var connection = new Npgsql.NpgsqlConnection("Host=127.0.0.1");
        var error = Record.Exception(() => connection.CreateCommand().ExecuteReader());
        error.Should().BeOfType<InvalidOperationException>();
        SharedKernel.Errors.DatabaseErrors.IsUnreachable(error!).Should().BeTrue();
        SharedKernel.Errors.DatabaseErrors.IsUnreachable(new InvalidOperationException("Connection is not open")).Should().BeFalse(
            "only Npgsql's own");
    }

    [Fact]
    public async Task Given_an_offering_and_a_promo_code_with_the_same_name_When_both_are_created_Then_each_has_its_own_history()
    {
        await Samples.SeedOfferingAsync(Admin, "SPRING25");
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("spring25"))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/product-offerings/SPRING25/archive", new { reason = "end" })).ShouldBe(HttpStatusCode.OK);

        var code = await (await Admin.GetAsync("/promo-codes/SPRING25/history")).ShouldBe(HttpStatusCode.OK);
        code["items"]!.AsArray().Select(i => i!["change"]!.GetValue<string>()).Should().Equal("CREATED");
        var offering = await (await Admin.GetAsync("/product-offerings/SPRING25/status-history")).ShouldBe(HttpStatusCode.OK);
        offering["items"]!.AsArray().Select(i => i!["status"]!.GetValue<string>()).Should().Equal("AVAILABLE", "ARCHIVED");
    }

    [Fact]
    public async Task Given_a_revoked_bootstrap_key_When_a_node_restarts_with_the_same_configuration_Then_it_stays_revoked()
    {
        // Another admin key first: the last one cannot be revoked.
        await (await Admin.PostJson("/api-keys", new { name = "admin", scopes = new[] { KeysAdmin }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/api-keys/bootstrap/revoke", new { reason = "leaked" })).ShouldBe(HttpStatusCode.OK);

        await using var restarted = Api.WithWebHostBuilder(_ => { });
        var client = Api.ClientFor(restarted);
        await (await client.GetAsync("/me")).ShouldBeProblem(HttpStatusCode.Unauthorized, "unauthorized");
    }

    [Fact]
    public async Task Given_a_long_promo_code_on_the_list_When_read_Then_422_unknown_like_every_other_priced_read()
    {
        var problem = await (await Admin.GetAsync("/product-offerings?promoCode=" + new string('A', 100)))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "promo_code_invalid");
        problem["reason"]!.GetValue<string>().Should().Be("unknown");
    }

    [Fact]
    public async Task Given_a_revocation_When_audited_Then_the_line_names_the_revoked_key()
    {
        var created = await (await Admin.PostJson("/api-keys", new { name = "x", scopes = new[] { CatalogRead }, customerType = "CONSUMER", locale = "en-US" }))
            .ShouldBe(HttpStatusCode.Created);
        var id = created["apiKeyId"]!.GetValue<string>();
        await (await Admin.PostJson($"/api-keys/{id}/revoke", new { reason = "rotation" })).ShouldBe(HttpStatusCode.OK);

        Api.Logs.Events.Where(e => e.MessageTemplate.Text.StartsWith("Audit:") && e.Properties["Command"].ToString().Contains("RevokeApiKey"))
            .Should().ContainSingle().Which.Properties["Changes"].ToString().Should().Contain(id);
    }
}
