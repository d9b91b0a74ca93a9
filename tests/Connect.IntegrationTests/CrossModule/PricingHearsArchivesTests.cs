using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.CrossModule;

/// <summary>Pricing reacts to Catalog's ProductOfferingArchived / ProductOfferingRestored notifications.</summary>
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
        var code = await (await Admin.GetAsync("/promo-codes/LAUNCH")).ShouldBe(HttpStatusCode.OK);
        code["archivedTargets"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("o-1");
        code["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse("o-2 is still sold");

        await (await Admin.PostJson("/product-offerings/o-2/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        code = await (await Admin.GetAsync("/promo-codes/LAUNCH")).ShouldBe(HttpStatusCode.OK);
        code["archivedTargets"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("o-1", "o-2");
        code["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeTrue();
        Api.Logs.Lines.Should().Contain(l => l.Contains("Promo code LAUNCH now targets only archived offerings"));
        var everyone = await (await Admin.GetAsync("/promo-codes/EVERYONE")).ShouldBe(HttpStatusCode.OK);
        everyone["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse("a code for everything is not about these offerings");

        await (await Admin.PostJson("/product-offerings/o-1/restore", new { })).ShouldBe(HttpStatusCode.OK);
        code = await (await Admin.GetAsync("/promo-codes?limit=10")).ShouldBe(HttpStatusCode.OK);
        var launch = code["items"]!.AsArray().Single(c => c!["code"]!.GetValue<string>() == "LAUNCH")!;
        launch["archivedTargets"]!.AsArray().Select(t => t!.GetValue<string>()).Should().Equal("o-2");
        launch["targetsOnlyArchivedOfferings"]!.GetValue<bool>().Should().BeFalse();
    }
}
