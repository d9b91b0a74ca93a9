using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.ChangeLog;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.CrossModule;

/// <summary>Pricing follows Catalog's archives and restores in the change log, from a stored position.</summary>
public sealed class PricingHearsArchivesTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_code_for_two_offerings_When_both_are_archived_and_one_restored_Then_the_code_shows_which_targets_are_no_longer_sold()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Samples.SeedOfferingAsync(Admin, "o-2", name: "Other");
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("LAUNCH", appliesTo: new { productOfferingIds = new[] { "o-1", "o-2" } })))
            .ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("EVERYONE"))).ShouldBe(HttpStatusCode.Created);

        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        var code = await EventuallyAsync(Admin, "LAUNCH", c => ArchivedTargets(c).SequenceEqual(["o-1"]));
        code["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse("o-2 is still sold");

        await (await Admin.PostJson("/product-offerings/o-2/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        code = await EventuallyAsync(Admin, "LAUNCH", c => ArchivedTargets(c).SequenceEqual(["o-1", "o-2"]));
        code["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeTrue();
        Api.Logs.Lines.Should().ContainSingle(l => l.Contains("Promo code LAUNCH now targets only archived offerings"));
        var everyone = await (await Admin.GetAsync("/promo-codes/EVERYONE")).ShouldBe(HttpStatusCode.OK);
        everyone["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse("a code for everything is not about these offerings");

        await (await Admin.PostJson("/product-offerings/o-1/restore", new { })).ShouldBe(HttpStatusCode.OK);
        code = await EventuallyAsync(Admin, "LAUNCH", c => ArchivedTargets(c).SequenceEqual(["o-2"]));
        code["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse();
    }

    [Fact]
    public async Task Given_a_node_that_stops_between_an_archive_and_its_reaction_When_a_node_starts_again_Then_the_reaction_happens_exactly_once()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("LAUNCH", appliesTo: new { productOfferingIds = new[] { "o-1" } })))
            .ShouldBe(HttpStatusCode.Created);
        var reactions = Api.Services.GetRequiredService<ChangeReactionsSwitch>();
        reactions.Enabled = false; // this node commits, then never reacts: as if it died right after the commit
        await Task.Delay(1500);

        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await Task.Delay(1500);
        ArchivedTargets(await (await Admin.GetAsync("/promo-codes/LAUNCH")).ShouldBe(HttpStatusCode.OK)).Should().BeEmpty("nobody has reacted yet");

        await using (var restarted = Api.WithWebHostBuilder(_ => { }))
        {
            var client = Api.ClientFor(restarted);
            await EventuallyAsync(client, "LAUNCH", c => ArchivedTargets(c).SequenceEqual(["o-1"]));
        }
        reactions.Enabled = true; // both nodes have now had the chance; the position says it is done
        await Task.Delay(1500);

        Api.Logs.Lines.Count(l => l.Contains("Promo code LAUNCH now targets only archived offerings")).Should().Be(1);
        ArchivedTargets(await (await Admin.GetAsync("/promo-codes/LAUNCH")).ShouldBe(HttpStatusCode.OK)).Should().Equal("o-1");
    }

    private static List<string> ArchivedTargets(JsonNode code) => code["archivedTargets"]!.AsArray().Select(t => t!.GetValue<string>()).ToList();

    private static Task<JsonNode> EventuallyAsync(HttpClient client, string code, Func<JsonNode, bool> done) =>
        Eventually.ReadAsync(client, $"/promo-codes/{code}", done, TimeSpan.FromSeconds(10));
}
