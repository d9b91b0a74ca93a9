using System.Diagnostics;
using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Tests;

/// <summary>Which offerings a code applies to: the same answers as scanning its lists, at a cost that does not grow with them.</summary>
public sealed class PromoTargetsTests
{
    private static readonly ProductCategory[] AllCategories = Enum.GetValues<ProductCategory>();
    private static readonly ProductType[] AllTypes = Enum.GetValues<ProductType>();

    /// <summary>The rule as a plain scan of the lists: the reference the hash lookups must agree with.</summary>
    private static bool ScanAppliesTo(PromoCodeDocument code, PricingInput offering)
    {
        if (code.CustomerType is { } customerType && customerType != offering.CustomerType) return false;
        if (code.DiscountType == DiscountType.Amount && code.Currency != offering.Currency) return false;
        var targetsEverything = code.ProductOfferingIds.Count == 0 && code.ProductOfferingGroupIds.Count == 0 &&
                                code.Categories.Count == 0 && code.Types.Count == 0;
        return targetsEverything
               || code.ProductOfferingIds.Contains(offering.ProductOfferingId)
               || (offering.ProductOfferingGroupId is { } group && code.ProductOfferingGroupIds.Contains(group))
               || code.Categories.Contains(offering.ProductCategory)
               || code.Types.Contains(offering.ProductType);
    }

    private static List<T> Some<T>(Random random, int max, Func<T> next) =>
        Enumerable.Range(0, random.Next(4) == 0 ? 0 : random.Next(max + 1)).Select(_ => next()).ToList();

    [Fact]
    public void Given_generated_codes_with_lists_of_up_to_1000_targets_When_judged_for_generated_offerings_Then_the_answers_equal_a_scan_of_the_lists()
    {
        var random = new Random(20261201);
        string Id(string prefix) => $"{prefix}-{random.Next(300)}";
        var applied = 0;
        for (var c = 0; c < 300; c++)
        {
            var code = new PromoCodeDocument
            {
                Id = "CODE", DiscountType = random.Next(2) == 0 ? DiscountType.Percentage : DiscountType.Amount, Value = 5m,
                Currency = random.Next(2) == 0 ? "USD" : "EUR",
                ProductOfferingIds = Some(random, random.Next(2) == 0 ? 1000 : 5, () => Id("o")),
                ProductOfferingGroupIds = Some(random, 20, () => Id("g")),
                Categories = Some(random, 2, () => AllCategories[random.Next(AllCategories.Length)]),
                Types = Some(random, 2, () => AllTypes[random.Next(AllTypes.Length)]),
                CustomerType = random.Next(3) switch { 0 => CustomerType.Consumer, 1 => CustomerType.Business, _ => null },
            };
            for (var o = 0; o < 100; o++)
            {
                var offering = new PricingInput(Id("o"), random.Next(5) == 0 ? null : Id("g"), AllTypes[random.Next(AllTypes.Length)],
                    AllCategories[random.Next(AllCategories.Length)], random.Next(2) == 0 ? CustomerType.Consumer : CustomerType.Business,
                    random.Next(2) == 0 ? "USD" : "EUR", 10m, 0m);
                var expected = ScanAppliesTo(code, offering);
                PromoRules.AppliesTo(code, offering).Should().Be(expected, "code {0} judged for offering {1}", c, offering);
                if (expected) applied++;
            }
        }
        applied.Should().BeInRange(3_000, 27_000, "both answers occur often");
    }

    /// <summary>Best of several timed runs, so a busy machine slows both sides alike.</summary>
    private static TimeSpan Judging(PromoCodeDocument code, PricingInput offering)
    {
        var best = TimeSpan.MaxValue;
        for (var run = 0; run < 7; run++)
        {
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 20_000; i++) PromoRules.AppliesTo(code, offering);
            if (watch.Elapsed < best) best = watch.Elapsed;
        }
        return best;
    }

    [Fact]
    public void Given_a_code_listing_1000_offerings_When_an_offering_it_does_not_list_is_judged_Then_it_costs_about_as_much_as_with_a_1_offering_list()
    {
        PromoCodeDocument Listing(int count) => new()
        {
            Id = "CODE", DiscountType = DiscountType.Percentage, Value = 10m,
            ProductOfferingIds = Enumerable.Range(0, count).Select(i => $"offering-listed-{i:0000}").ToList(),
        };
        var offering = new PricingInput("offering-not-listed", "g-1", ProductType.Subscription, ProductCategory.SubscriptionCell,
            CustomerType.Consumer, "USD", 10m, 0m);
        var (small, large) = (Listing(1), Listing(1000));
        PromoRules.AppliesTo(large, offering).Should().BeFalse();

        var ratio = Judging(large, offering) / Judging(small, offering);

        ratio.Should().BeLessThan(5, "a lookup in a set does not scan the list");
    }
}
