using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Tests;

public sealed class PromoRulesTests
{
    private static readonly string[] CurrencyCodes = ["USD", "EUR", "JPY", "BHD"];

    private static PricingInput Offering(string currency, decimal gross, decimal discount, string id = "o-1", string? group = "g-1",
        ProductType type = ProductType.Subscription, ProductCategory category = ProductCategory.SubscriptionCell,
        CustomerType customerType = CustomerType.Consumer) =>
        new(id, group, type, category, customerType, currency, gross, discount);

    private static PromoCodeDocument Code(DiscountType type, decimal value, string? currency = null) =>
        new() { Id = "CODE", DiscountType = type, Value = value, Currency = currency };

    /// <summary>
    /// Thousands of generated prices and codes, every currency and code kind: the invariants of spec §4 hold for
    /// all of them, a code never raises a price, and the same inputs always give the same price.
    /// </summary>
    [Fact]
    public void Given_generated_prices_and_codes_When_priced_Then_the_invariants_hold_every_time()
    {
        var random = new Random(20261123);
        for (var i = 0; i < 20_000; i++)
        {
            var currency = CurrencyCodes[random.Next(CurrencyCodes.Length)];
            var units = Currencies.MinorUnitsOf(currency);
            decimal Money(int max) => Math.Round((decimal)random.NextDouble() * max, units);
            var offering = Offering(currency, Money(2000), random.Next(4) == 0 ? 0m : Money(2500));
            var code = random.Next(3) switch
            {
                0 => Code(DiscountType.Percentage, Math.Max(0.0001m, Math.Round((decimal)random.NextDouble() * 100m, 4))),
                1 => Code(DiscountType.Amount, Math.Max(1m, Money(3000)), currency),
                _ => Code(DiscountType.Amount, 5m, CurrencyCodes[random.Next(CurrencyCodes.Length)]),
            };

            var regular = PromoRules.Price(offering, null);
            var promoted = PromoRules.Price(offering, code);

            foreach (var price in new[] { regular, promoted })
            {
                price.NetPrice.Should().BeGreaterThanOrEqualTo(0m);
                price.NetPrice.Should().Be(price.GrossPrice - price.Discount);
                price.Discount.Should().BeInRange(0m, price.GrossPrice);
                Currencies.FitsMinorUnits(price.Discount, currency).Should().BeTrue($"{price.Discount} {currency} fits the minor unit");
                price.GrossPrice.Should().Be(offering.GrossPrice);
            }
            promoted.NetPrice.Should().BeLessThanOrEqualTo(regular.NetPrice, "a code never raises a price");
            PromoRules.Price(offering, code).Should().Be(promoted, "pricing is deterministic");
        }
    }

    [Theory]
    [InlineData("USD", 10, 5, 20, 6, 4)] // the published example: Seamless 10GB with 20 %
    [InlineData("USD", 9.99, 0, 33.333, 3.33, 6.66)]
    [InlineData("USD", 0.05, 0, 50, 0.03, 0.02)] // 0.025 rounds away from zero
    [InlineData("JPY", 999, 0, 15, 150, 849)] // 149.85 → 150
    [InlineData("JPY", 1001, 0, 50, 501, 500)] // 500.5 → 501
    [InlineData("BHD", 1.001, 0, 50, 0.501, 0.5)]
    [InlineData("USD", 10, 12, 50, 10, 0)] // own discount above the price: nothing left to discount
    public void Given_a_percentage_code_When_priced_Then_it_takes_a_rounded_share_of_the_price_after_the_own_discount(
        string currency, double gross, double discount, double percent, double expectedDiscount, double expectedNet)
    {
        var price = PromoRules.Price(Offering(currency, (decimal)gross, (decimal)discount), Code(DiscountType.Percentage, (decimal)percent));
        price.Discount.Should().Be((decimal)expectedDiscount);
        price.NetPrice.Should().Be((decimal)expectedNet);
    }

    [Fact]
    public void Given_target_lists_When_matched_Then_any_listed_offering_group_category_or_type_is_targeted()
    {
        var offering = Offering("USD", 10m, 0m, id: "o-1", group: "g-1", ProductType.SubscriptionTopup, ProductCategory.TravelEsim);
        PromoRules.AppliesTo(Code(DiscountType.Percentage, 10m), offering).Should().BeTrue("no lists: everything");
        PromoRules.AppliesTo(new PromoCodeDocument { ProductOfferingIds = ["o-2"] }, offering).Should().BeFalse();
        PromoRules.AppliesTo(new PromoCodeDocument { ProductOfferingIds = ["o-2"], ProductOfferingGroupIds = ["g-1"] }, offering).Should().BeTrue();
        PromoRules.AppliesTo(new PromoCodeDocument { Categories = [ProductCategory.TravelEsim] }, offering).Should().BeTrue();
        PromoRules.AppliesTo(new PromoCodeDocument { Types = [ProductType.License] }, offering).Should().BeFalse();
        PromoRules.AppliesTo(new PromoCodeDocument { CustomerType = CustomerType.Business }, offering).Should().BeFalse();
        PromoRules.AppliesTo(Code(DiscountType.Amount, 1m, "EUR"), offering).Should().BeFalse("an AMOUNT code applies in its own currency only");
    }

    [Theory]
    [InlineData(-1, null, "not_yet_valid")]
    [InlineData(1, null, null)]
    [InlineData(null, -1, "expired")]
    [InlineData(null, 0, null)] // validUntil is inclusive
    [InlineData(null, 1, null)]
    public void Given_a_validity_window_When_judged_Then_the_reason_follows_the_clock(int? fromOffsetDays, int? untilOffsetDays, string? reason)
    {
        var now = new DateTimeOffset(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
        var code = new PromoCodeDocument
        {
            ValidFrom = fromOffsetDays is { } f ? now.AddDays(-f) : null,
            ValidUntil = untilOffsetDays is { } u ? now.AddDays(u) : null,
        };
        PromoRules.WhyInvalid(code, now).Should().Be(reason);
        PromoRules.WhyInvalid(null, now).Should().Be("unknown");
        PromoRules.WhyInvalid(new PromoCodeDocument { DeactivatedAt = now.AddDays(-5) }, now).Should().Be("inactive");
    }
}
