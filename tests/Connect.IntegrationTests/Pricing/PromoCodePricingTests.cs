using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Pricing;

/// <summary>Promo codes applied on every read that shows a price (spec §3, §5).</summary>
public sealed class PromoCodePricingTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task CreateCodeAsync(object body) =>
        await (await Admin.PostJson("/promo-codes", body)).ShouldBe(HttpStatusCode.Created);

    private async Task<JsonNode> PriceOf(string offeringId, string? promoCode = null)
    {
        var url = $"/product-offerings/{offeringId}" + (promoCode is null ? "" : $"?promoCode={Uri.EscapeDataString(promoCode)}");
        return (await (await Admin.GetAsync(url)).ShouldBe(HttpStatusCode.OK))["price"]!;
    }

    private static void ShouldShow(JsonNode price, decimal gross, decimal discount, decimal net)
    {
        price["grossPrice"]!.GetValue<decimal>().Should().Be(gross);
        price["discount"]!.GetValue<decimal>().Should().Be(discount);
        price["netPrice"]!.GetValue<decimal>().Should().Be(net);
    }

    [Fact]
    public async Task Given_Seamless_10GB_and_a_20_percent_code_When_the_shop_reads_it_with_the_code_Then_discount_6_and_net_4()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await CreateCodeAsync(Samples.PromoCode("STUDENT2024", "PERCENTAGE", 20m));

        ShouldShow(await PriceOf("seamless-10gb"), 10m, 5m, 5m);
        ShouldShow(await PriceOf("seamless-10gb", "STUDENT2024"), 10m, 6m, 4m);
    }

    [Fact]
    public async Task Given_an_amount_code_When_applied_Then_its_amount_is_added_to_the_discount()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await CreateCodeAsync(Samples.PromoCode("TWOOFF", "AMOUNT", 2m, "USD"));

        ShouldShow(await PriceOf("seamless-10gb", "TWOOFF"), 10m, 7m, 3m);
    }

    [Fact]
    public async Task Given_an_amount_code_larger_than_the_price_When_applied_Then_the_net_is_0_and_the_discount_is_capped()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await CreateCodeAsync(Samples.PromoCode("FREEBIE", "AMOUNT", 100m, "USD"));

        ShouldShow(await PriceOf("seamless-10gb", "FREEBIE"), 10m, 10m, 0m);
    }

    [Fact]
    public async Task Given_an_amount_code_in_another_currency_When_applied_to_a_USD_offering_Then_the_price_is_unchanged()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await CreateCodeAsync(Samples.PromoCode("EUROS", "AMOUNT", 2m, "EUR"));

        ShouldShow(await PriceOf("seamless-10gb", "EUROS"), 10m, 5m, 5m);
    }

    [Fact]
    public async Task Given_a_yen_offering_When_a_percentage_code_applies_Then_the_discount_is_rounded_half_away_from_zero_to_whole_yen()
    {
        await Samples.SeedOfferingAsync(Admin, "jp-plan", gross: 1001m, discount: 0m, currency: "JPY");
        await CreateCodeAsync(Samples.PromoCode("HALF", "PERCENTAGE", 50m));

        // 50 % of 1001 is 500.5: rounded away from zero to 501 yen.
        ShouldShow(await PriceOf("jp-plan", "HALF"), 1001m, 501m, 500m);
    }

    [Fact]
    public async Task Given_a_code_created_in_mixed_case_When_used_in_another_case_Then_it_applies_and_a_second_create_in_any_case_is_a_conflict()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        var created = await (await Admin.PostJson("/promo-codes", Samples.PromoCode("Student2024"))).ShouldBe(HttpStatusCode.Created);
        created["code"]!.GetValue<string>().Should().Be("STUDENT2024");

        ShouldShow(await PriceOf("seamless-10gb", "sTuDeNt2024"), 10m, 6m, 4m);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("student2024"))).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Given_a_code_for_one_offering_When_a_catalog_of_several_is_read_with_it_Then_only_that_offering_changes()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await Samples.SeedOfferingAsync(Admin, "seamless-5gb", name: "Seamless 5GB", gross: 7m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "seamless-1gb", name: "Seamless 1GB", gross: 3m, discount: 1m);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["seamless-10gb", "seamless-5gb", "seamless-1gb"], ["g-1"])))
            .ShouldBe(HttpStatusCode.Created);
        await CreateCodeAsync(Samples.PromoCode("ONLY5", "PERCENTAGE", 50m, appliesTo: new { productOfferingIds = new[] { "seamless-5gb" } }));

        foreach (var url in new[] { "/product-catalogs/default?promoCode=only5", "/product-catalogs/us?promoCode=only5" })
        {
            var catalog = await (await Admin.GetAsync(url)).ShouldBe(HttpStatusCode.OK);
            var prices = catalog["productOfferings"]!.AsArray().ToDictionary(o => o!["productOfferingId"]!.GetValue<string>(), o => o!["price"]!);
            ShouldShow(prices["seamless-10gb"], 10m, 5m, 5m);
            ShouldShow(prices["seamless-5gb"], 7m, 3.5m, 3.5m);
            ShouldShow(prices["seamless-1gb"], 3m, 1m, 2m);
        }
    }

    [Fact]
    public async Task Given_codes_targeting_a_group_a_category_a_type_and_a_customer_type_When_the_list_is_read_Then_only_targeted_offerings_change()
    {
        await Samples.SeedOfferingAsync(Admin, "cell", productId: "p-cell", groupId: "g-cell", gross: 10m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "esim", productId: "p-esim", groupId: "g-esim", type: "SUBSCRIPTION_TOPUP",
            category: "TRAVEL_ESIM", name: "Travel", gross: 20m, discount: 0m);

        var cases = new (string Code, object AppliesTo, string? CustomerType, string Changed)[]
        {
            ("BYGROUP", new { productOfferingGroupIds = new[] { "g-esim" } }, null, "esim"),
            ("BYCATEGORY", new { categories = new[] { "PRODUCT_CATEGORY_SUBSCRIPTION_CELL" } }, null, "cell"),
            ("BYTYPE", new { types = new[] { "SUBSCRIPTION_TOPUP" } }, null, "esim"),
            ("BUSINESSONLY", new { }, "BUSINESS", ""),
            ("EVERYTHING", new { }, "CONSUMER", "cell,esim"),
        };
        foreach (var (code, appliesTo, customerType, changed) in cases)
        {
            await CreateCodeAsync(Samples.PromoCode(code, "PERCENTAGE", 10m, appliesTo: appliesTo, customerType: customerType));
            var list = await (await Admin.GetAsync($"/product-offerings?promoCode={code}")).ShouldBe(HttpStatusCode.OK);
            var discounted = list["items"]!.AsArray()
                .Where(o => o!["price"]!["discount"]!.GetValue<decimal>() > 0m)
                .Select(o => o!["productOfferingId"]!.GetValue<string>()).Order();
            string.Join(",", discounted).Should().Be(changed, $"code {code} targets {changed}");
        }
    }

    [Fact]
    public async Task Given_a_code_for_one_offering_When_the_list_is_sorted_by_netPrice_with_it_Then_the_order_follows_the_price_the_caller_sees()
    {
        await Samples.SeedOfferingAsync(Admin, "a-plan", name: "A", gross: 10m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "b-plan", name: "B", gross: 8m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "c-plan", name: "C", gross: 9m, discount: 0m);
        await CreateCodeAsync(Samples.PromoCode("HALFA", "PERCENTAGE", 50m, appliesTo: new { productOfferingIds = new[] { "a-plan" } }));

        async Task<string> Order(string query)
        {
            var list = await (await Admin.GetAsync("/product-offerings?" + query)).ShouldBe(HttpStatusCode.OK);
            return string.Join(",", list["items"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>()));
        }

        (await Order("sort=netPrice")).Should().Be("b-plan,c-plan,a-plan");
        (await Order("sort=netPrice&promoCode=halfa")).Should().Be("a-plan,b-plan,c-plan");
        (await Order("sort=-netPrice&promoCode=halfa")).Should().Be("c-plan,b-plan,a-plan");
        var page = await (await Admin.GetAsync("/product-offerings?sort=netPrice&promoCode=halfa&limit=1&offset=1")).ShouldBe(HttpStatusCode.OK);
        page["items"]!.AsArray().Single()!["productOfferingId"]!.GetValue<string>().Should().Be("b-plan");
        page["pagination"]!["total"]!.GetValue<long>().Should().Be(3);
    }

    [Fact]
    public async Task Given_unknown_expired_future_and_deactivated_codes_When_used_on_every_priced_read_Then_422_with_the_reason()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["seamless-10gb"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        var now = DateTimeOffset.UtcNow;
        await CreateCodeAsync(Samples.PromoCode("PAST", validFrom: now.AddDays(-10), validUntil: now.AddDays(-1)));
        await CreateCodeAsync(Samples.PromoCode("FUTURE", validFrom: now.AddDays(1)));
        await CreateCodeAsync(Samples.PromoCode("RETIRED"));
        await (await Admin.PostJson("/promo-codes/retired/deactivate", new { reason = "campaign over" })).ShouldBe(HttpStatusCode.OK);

        foreach (var (code, reason) in new[] { ("NOSUCHCODE", "unknown"), ("past", "expired"), ("Future", "not_yet_valid"),
                     ("RETIRED", "inactive"), ("not a code!", "unknown") })
        foreach (var path in new[] { "/product-offerings/seamless-10gb", "/product-offerings", "/product-catalogs/default", "/product-catalogs/us" })
        {
            var problem = await (await Admin.GetAsync($"{path}?promoCode={Uri.EscapeDataString(code)}"))
                .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "promo_code_invalid");
            problem["reason"]!.GetValue<string>().Should().Be(reason, $"{code} on {path}");
        }
    }

    [Fact]
    public async Task Given_a_code_with_a_validity_window_When_the_clock_moves_through_it_Then_it_is_judged_at_request_time()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        var now = DateTimeOffset.UtcNow;
        await CreateCodeAsync(Samples.PromoCode("WEEKEND", validFrom: now.AddDays(1), validUntil: now.AddDays(3)));

        async Task<string?> ReasonAt(TimeSpan offset)
        {
            Api.Clock.Offset = offset;
            var response = await Admin.GetAsync("/product-offerings/seamless-10gb?promoCode=WEEKEND");
            return response.StatusCode == HttpStatusCode.OK ? null
                : (await response.ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "promo_code_invalid"))["reason"]!.GetValue<string>();
        }

        (await ReasonAt(TimeSpan.Zero)).Should().Be("not_yet_valid");
        (await ReasonAt(TimeSpan.FromDays(2))).Should().BeNull("the code is inside its window");
        ShouldShow(await PriceOf("seamless-10gb", "WEEKEND"), 10m, 6m, 4m);
        (await ReasonAt(TimeSpan.FromDays(4))).Should().Be("expired");
    }

    [Fact]
    public async Task Given_a_code_in_use_When_it_is_deactivated_Then_the_very_next_read_refuses_it()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        await CreateCodeAsync(Samples.PromoCode("SPRING"));
        ShouldShow(await PriceOf("seamless-10gb", "SPRING"), 10m, 6m, 4m);

        await (await Admin.PostJson("/promo-codes/SPRING/deactivate", new { })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await Admin.GetAsync("/product-offerings/seamless-10gb?promoCode=SPRING"))
            .ShouldBeProblem(HttpStatusCode.UnprocessableEntity, "promo_code_invalid");
        problem["reason"]!.GetValue<string>().Should().Be("inactive");
    }

    [Fact]
    public async Task Given_an_empty_promoCode_parameter_When_read_Then_it_means_no_code()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb", gross: 10m, discount: 5m);
        ShouldShow(await PriceOf("seamless-10gb", ""), 10m, 5m, 5m);
    }
}
