using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Domain;

/// <summary>When a promo code may be used, what it applies to, and how much it takes off.</summary>
internal static class PromoRules
{
    /// <summary>Why the code cannot be used at <paramref name="now"/> (spec §2 reasons), or null when it can.</summary>
    public static string? WhyInvalid(PromoCodeDocument? code, DateTimeOffset now) => code switch
    {
        null => "unknown",
        { IsActive: false } => "inactive",
        { ValidFrom: { } from } when now < from => "not_yet_valid",
        { ValidUntil: { } until } when now > until => "expired",
        _ => null,
    };

    /// <summary>The price shown for the offering: its own, plus the code's discount when the (usable) code applies.</summary>
    public static ComputedPrice Price(PricingInput offering, PromoCodeDocument? usableCode)
    {
        var promotion = usableCode is not null && AppliesTo(usableCode, offering)
            ? Discount(usableCode, offering.Currency, offering.GrossPrice, offering.Discount)
            : 0m;
        return PriceArithmetic.Compute(offering.Currency, offering.GrossPrice, offering.Discount, promotion);
    }

    /// <summary>
    /// True when the code targets the offering: right customer type, right currency for an AMOUNT code, and
    /// either no target lists at all or a match in any of them (listed offering, group, category or type).
    /// </summary>
    public static bool AppliesTo(PromoCodeDocument code, PricingInput offering)
    {
        if (code.CustomerType is { } customerType && customerType != offering.CustomerType) return false;
        if (code.DiscountType == DiscountType.Amount && code.Currency != offering.Currency) return false;
        return code.Targets.Contain(offering);
    }

    /// <summary>
    /// The promotional discount on the price after the offering's own discount: a percentage of it rounded
    /// half away from zero to the currency's minor unit, or the fixed amount. The caller caps the total.
    /// </summary>
    public static decimal Discount(PromoCodeDocument code, string currency, decimal gross, decimal ownDiscount)
    {
        var basis = Math.Max(0m, gross - ownDiscount);
        return code.DiscountType == DiscountType.Percentage
            ? Currencies.Round(basis * code.Value / 100m, currency)
            : code.Value;
    }
}
