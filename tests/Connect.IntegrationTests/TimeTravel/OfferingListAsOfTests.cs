using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary><c>asOf</c> on the offering list answers byte for byte what the live list answered then (spec §9).</summary>
public sealed class OfferingListAsOfTests(ConnectApiFactory api) : ApiTest(api)
{
    private static readonly string[] Queries =
    [
        "",
        "status=ALL&sort=-netPrice&limit=2&offset=1",
        "sort=createdAt&limit=3",
        "sort=-updatedAt&status=ALL",
        "type=LICENSE&status=ALL",
        "productOfferingGroupId=g-1&sort=-name",
        "promoCode=SAVE20&sort=netPrice&status=ALL",
        "promoCode=SAVE20&limit=2",
    ];

    [Fact]
    public async Task Given_lists_read_at_an_instant_and_changes_after_When_listed_as_of_it_Then_each_body_is_what_the_live_list_answered()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1", name: "beta", gross: 10m, discount: 5m);
        await Samples.SeedOfferingAsync(Admin, "o-2", productId: "p-2", name: "Alpha", gross: 7m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "o-3", productId: "p-3", groupId: "g-2", type: "LICENSE", category: "LICENSE", name: "alpha", gross: 30m);
        await Samples.SeedOfferingAsync(Admin, "o-4", productId: "p-4", name: "Gamma", gross: 7m, discount: 0m);
        await (await Admin.PostJson("/product-offerings/o-4/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offerings/o-1", """{ "description": "Patched" }""")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SAVE20", value: 20m))).ShouldBe(HttpStatusCode.Created);
        var then = Now();
        var live = new Dictionary<string, string>();
        foreach (var query in Queries) live[query] = await Body($"/product-offerings?{query}");

        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await (await Admin.PatchJson("/product-offerings/o-2", """{ "name": "Zeta", "price": { "grossPrice": 40 } }""")).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-4/restore", new { })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "replaced" })).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offering-groups/g-1", """{ "name": "Renamed plans" }""")).ShouldBe(HttpStatusCode.OK);
        await Samples.SeedOfferingAsync(Admin, "o-5", productId: "p-5", name: "Aardvark", gross: 1m, discount: 0m);
        await (await Admin.PostJson("/promo-codes/SAVE20/deactivate", new { })).ShouldBe(HttpStatusCode.OK);

        foreach (var query in Queries)
            (await Body($"/product-offerings?{query}&asOf={then}")).Should().Be(live[query], "the list read so at {0} for '{1}'", then, query);
        live[""].Should().Contain("\"o-2\"").And.NotContain("\"o-4\"");
    }

    [Fact]
    public async Task Given_a_groups_list_read_at_an_instant_and_changes_after_When_listed_as_of_it_Then_the_body_is_what_it_answered()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1", name: "beta");
        await Samples.SeedOfferingAsync(Admin, "o-2", productId: "p-2", name: "Alpha");
        var then = Now();
        var live = await Body("/product-offering-groups/g-1/offerings?sort=-name");

        Api.Clock.Offset = TimeSpan.FromMinutes(10);
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "replaced" })).ShouldBe(HttpStatusCode.OK);
        await Samples.SeedOfferingAsync(Admin, "o-3", productId: "p-3", name: "Gamma");

        (await Body($"/product-offering-groups/g-1/offerings?sort=-name&asOf={then}")).Should().Be(live);
        (await Body("/product-offering-groups/g-1/offerings?sort=-name")).Should().NotBe(live);
    }

    [Fact]
    public async Task Given_the_present_When_listed_as_of_now_Then_the_body_is_the_live_one()
    {
        await Samples.SeedTwoOfferingsAsync(Admin);
        await (await Admin.PatchJson("/product-offerings/o-2", """{ "name": "Seamless 6GB" }""")).ShouldBe(HttpStatusCode.OK);
        var now = Now();

        (await Body($"/product-offerings?sort=-updatedAt&asOf={now}")).Should().Be(await Body("/product-offerings?sort=-updatedAt"));
    }

    [Fact]
    public async Task Given_a_past_instant_When_the_list_is_read_twice_Then_the_same_strong_ETag_and_If_None_Match_gives_304()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var at = Now();
        Api.Clock.Offset = TimeSpan.FromMinutes(5);
        var first = await Admin.GetAsync($"/product-offerings?asOf={at}");
        await first.ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson("/product-offerings/o-1", """{ "name": "Later" }""")).ShouldBe(HttpStatusCode.OK);

        var second = await Admin.GetAsync($"/product-offerings?asOf={at}");
        second.Headers.ETag!.ToString().Should().Be(first.Headers.ETag!.ToString()).And.NotStartWith("W/");
        var conditional = new HttpRequestMessage(HttpMethod.Get, $"/product-offerings?asOf={at}");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", first.Headers.ETag!.ToString());
        (await Admin.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }

    [Fact]
    public async Task Given_an_instant_before_any_offering_When_listed_as_of_it_Then_an_empty_page()
    {
        var before = Now();
        Api.Clock.Offset = TimeSpan.FromMinutes(5);
        await Samples.SeedOfferingAsync(Admin, "o-1");

        (await Body($"/product-offerings?asOf={before}")).Should()
            .Be("""{"items":[],"pagination":{"total":0,"limit":100,"offset":0,"sort":{"key":"name","direction":"ASC"}}}""");
    }

    [Theory]
    [InlineData("asOf=2999-01-01T00:00:00Z")]
    [InlineData("asOf=yesterday")]
    public async Task Given_an_asOf_in_the_future_or_malformed_When_listing_Then_400(string query)
    {
        var problem = await (await Admin.GetAsync($"/product-offerings?{query}")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain("asOf");
    }

    private string Now() => Api.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private async Task<string> Body(string path)
    {
        var response = await Admin.GetAsync(path);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
