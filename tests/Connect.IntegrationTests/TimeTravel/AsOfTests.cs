using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary><c>asOf</c> answers exactly what a read answered at that instant, rebuilt from the change log (spec §9).</summary>
public sealed class AsOfTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_an_offering_created_repriced_and_archived_When_read_as_of_each_interval_Then_each_answer_is_what_it_was_then()
    {
        var before = At(0);
        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await Samples.SeedOfferingAsync(Admin, "o-1", gross: 10m, discount: 5m);
        var created = await Body("/product-offerings/o-1");
        Api.Clock.Offset = TimeSpan.FromMinutes(20);
        await (await Admin.PatchJson("/product-offerings/o-1", """{ "price": { "grossPrice": 12 } }""")).ShouldBe(HttpStatusCode.OK);
        var repriced = await Body("/product-offerings/o-1");
        Api.Clock.Offset = TimeSpan.FromMinutes(30);
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        var archived = await Body("/product-offerings/o-1");

        await (await Admin.GetAsync($"/product-offerings/o-1?asOf={before}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await Body($"/product-offerings/o-1?asOf={At(15)}")).Should().Be(created);
        (await Body($"/product-offerings/o-1?asOf={At(25)}")).Should().Be(repriced);
        (await Body($"/product-offerings/o-1?asOf={At(30)}")).Should().Be(archived);
        created.Should().Contain("\"grossPrice\":10").And.Contain("\"AVAILABLE\"");
        repriced.Should().Contain("\"grossPrice\":12");
        archived.Should().Contain("\"ARCHIVED\"");
    }

    [Fact]
    public async Task Given_a_past_instant_When_read_twice_Then_the_same_strong_ETag_and_If_None_Match_gives_304()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        Api.Clock.Offset = TimeSpan.FromMinutes(5);
        var at = At(1);
        var first = await Admin.GetAsync($"/product-offerings/o-1?asOf={at}");
        await first.ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offerings/o-1", """{ "name": "Later" }""")).ShouldBe(HttpStatusCode.OK);

        var second = await Admin.GetAsync($"/product-offerings/o-1?asOf={at}");
        second.Headers.ETag!.ToString().Should().Be(first.Headers.ETag!.ToString()).And.NotStartWith("W/");
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/product-offerings/o-1?asOf={at}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        (await Admin.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Given_catalog_changes_When_catalogs_are_read_as_of_instants_Then_membership_status_and_the_default_are_those_of_then()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Samples.SeedOfferingAsync(Admin, "o-2", productId: "p-2", name: "Seamless 5GB");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1", "o-2"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        var bothListed = await Body("/product-catalogs/c-1");
        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await (await Admin.PostJson("/product-offerings/o-2/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-2", ["o-1"], ["g-1"], name: "Winter"))).ShouldBe(HttpStatusCode.Created);
        var now = Api.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

        (await Body($"/product-catalogs/c-1?asOf={At(5)}")).Should().Be(bothListed);
        (await Body($"/product-catalogs/default?asOf={At(5)}")).Should().Be(bothListed, "c-1 was the default then");
        (await Body($"/product-catalogs/c-1?asOf={now}")).Should().Be(await Body("/product-catalogs/c-1"), "as of now is the live answer");
        (await Body($"/product-catalogs/default?asOf={now}")).Should().Be(await Body("/product-catalogs/default"));
        (await Body($"/product-offerings/o-2?asOf={now}")).Should().Be(await Body("/product-offerings/o-2"));
    }

    [Fact]
    public async Task Given_a_promo_code_created_then_deactivated_When_read_as_of_each_interval_with_it_Then_it_is_judged_as_it_stood()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1", gross: 10m, discount: 5m);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SAVE20", value: 20m))).ShouldBe(HttpStatusCode.Created);
        var promoted = await Body("/product-offerings/o-1?promoCode=save20");
        var promotedCatalog = await Body("/product-catalogs/c-1?promoCode=SAVE20");
        Api.Clock.Offset = TimeSpan.FromMinutes(20);
        await (await Admin.PostJson("/promo-codes/SAVE20/deactivate", new { })).ShouldBe(HttpStatusCode.OK);

        (await (await Admin.GetAsync($"/product-offerings/o-1?promoCode=SAVE20&asOf={At(5)}")).ShouldBeProblem((HttpStatusCode)422, "promo_code_invalid"))
            ["reason"]!.GetValue<string>().Should().Be("unknown", "the code did not exist then");
        (await Body($"/product-offerings/o-1?promoCode=SAVE20&asOf={At(15)}")).Should().Be(promoted);
        (await Body($"/product-catalogs/c-1?promoCode=SAVE20&asOf={At(15)}")).Should().Be(promotedCatalog);
        promoted.Should().Contain("\"discount\":6").And.Contain("\"netPrice\":4");
        (await (await Admin.GetAsync($"/product-offerings/o-1?promoCode=SAVE20&asOf={At(20)}")).ShouldBeProblem((HttpStatusCode)422, "promo_code_invalid"))
            ["reason"]!.GetValue<string>().Should().Be("inactive");
    }

    [Theory]
    [InlineData("asOf=yesterday")]
    [InlineData("asOf=2026-01-01T00:00:00")]
    [InlineData("asOf=2999-01-01T00:00:00Z")]
    [InlineData("asOf=2026-01-01T00:00:00Z&asOf=2026-01-02T00:00:00Z")]
    public async Task Given_an_asOf_that_is_malformed_or_in_the_future_When_reading_Then_400(string query)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var problem = await (await Admin.GetAsync($"/product-offerings/o-1?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain("asOf");
    }

    private string At(int minutes) => (Api.Clock.GetUtcNow() - Api.Clock.Offset + TimeSpan.FromMinutes(minutes)).ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private async Task<string> Body(string path)
    {
        var response = await Admin.GetAsync(path);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
