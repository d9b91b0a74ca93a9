using Connect.Pricing.Domain;

namespace Connect.Pricing.Tests;

public sealed class PriceArithmeticTests
{
    [Theory]
    [InlineData("USD", 10, 5, 0, 5, 5)]
    [InlineData("USD", 10, 5, 1, 6, 4)]
    [InlineData("USD", 10, 5, 20, 10, 0)]
    [InlineData("USD", 0, 0, 0, 0, 0)]
    [InlineData("USD", 9.99, 0, 3.335, 3.34, 6.65)]
    [InlineData("USD", 9.99, 0, 3.345, 3.35, 6.64)]
    [InlineData("JPY", 1000, 0, 333.5, 334, 666)]
    [InlineData("BHD", 1.000, 0, 0.3335, 0.334, 0.666)]
    public void Given_a_price_and_a_discount_When_computed_Then_rounded_half_away_from_zero_and_capped(
        string currency, double gross, double discount, double extra, double expectedDiscount, double expectedNet)
    {
        var price = PriceArithmetic.Compute(currency, (decimal)gross, (decimal)discount, (decimal)extra);
        price.Discount.Should().Be((decimal)expectedDiscount);
        price.NetPrice.Should().Be((decimal)expectedNet);
        price.GrossPrice.Should().Be((decimal)gross);
    }

    [Fact]
    public void Given_many_generated_prices_When_computed_Then_net_is_gross_minus_discount_and_never_negative()
    {
        var random = new Random(20261123);
        foreach (var currency in new[] { "USD", "JPY", "BHD" })
            for (var i = 0; i < 2000; i++)
            {
                var gross = Math.Round((decimal)random.NextDouble() * 500m, 2);
                var discount = Math.Round((decimal)random.NextDouble() * 600m, 2);
                var price = PriceArithmetic.Compute(currency, gross, discount);
                price.NetPrice.Should().BeGreaterThanOrEqualTo(0m);
                price.NetPrice.Should().Be(price.GrossPrice - price.Discount);
                price.Discount.Should().BeLessThanOrEqualTo(gross);
            }
    }
}
