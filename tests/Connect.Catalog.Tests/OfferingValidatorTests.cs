using Connect.Catalog.Contracts;
using Connect.Catalog.Features;
using Connect.SharedKernel.Domain;

namespace Connect.Catalog.Tests;

public sealed class OfferingValidatorTests
{
    private static CreateOffering Valid(Func<PriceInput, PriceInput>? price = null) => new()
    {
        ProductOfferingId = "seamless-10gb", Name = "Seamless 10GB", ProductId = "p-1", CustomerType = CustomerType.Consumer,
        Price = (price ?? (p => p))(new PriceInput
        {
            Currency = "USD", PriceType = PriceType.OneTime, GrossPrice = 10m, Discount = 5m, BoundMonths = 12,
            BillingCycle = new BillingCycle(BillingPeriod.Monthly, 1), TaxIncluded = true,
        }),
    };

    private static IEnumerable<string> Errors(CreateOffering offering) =>
        new CreateOfferingValidator().Validate(offering).Errors.Select(e => e.PropertyName);

    [Fact]
    public void Given_the_published_example_When_validated_Then_it_is_valid() => Errors(Valid()).Should().BeEmpty();

    [Fact]
    public void Given_a_discount_above_the_gross_price_When_validated_Then_rejected() =>
        Errors(Valid(p => p with { Discount = 10.01m })).Should().Contain("Price.Discount");

    [Theory]
    [InlineData("USD", 9.999, false)]
    [InlineData("USD", 9.99, true)]
    [InlineData("JPY", 100.5, false)]
    [InlineData("JPY", 100, true)]
    [InlineData("BHD", 1.125, true)]
    public void Given_an_amount_When_validated_Then_it_may_not_have_more_decimals_than_the_currency(string currency, double gross, bool valid)
    {
        var errors = Errors(Valid(p => p with { Currency = currency, GrossPrice = (decimal)gross, Discount = 0m }));
        if (valid) errors.Should().BeEmpty(); else errors.Should().Contain("Price.GrossPrice");
    }

    [Fact]
    public void Given_a_recurring_price_without_a_billing_cycle_When_validated_Then_rejected() =>
        Errors(Valid(p => p with { PriceType = PriceType.Recurring, BillingCycle = null })).Should().Contain("Price.BillingCycle");

    [Theory]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("waaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaay-too-long")]
    [InlineData("drop;table")]
    public void Given_an_id_outside_the_rule_When_validated_Then_rejected(string id) =>
        Errors(Valid() with { ProductOfferingId = id }).Should().Contain("ProductOfferingId");

    [Fact]
    public void Given_an_unknown_currency_or_relative_image_url_When_validated_Then_both_rejected() =>
        Errors(Valid(p => p with { Currency = "ABC" }) with { ImageUrl = "/img.png" }).Should().Contain(["Price.Currency", "ImageUrl"]);
}
