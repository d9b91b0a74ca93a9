using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Domain;

/// <summary>The one place a shown price is computed.</summary>
internal static class PriceArithmetic
{
    /// <summary>
    /// Adds an extra discount to a base price, rounds to the currency's minor unit (half away from zero)
    /// and caps the total discount at the gross price, so the net never goes below 0.
    /// </summary>
    public static ComputedPrice Compute(string currency, decimal gross, decimal discount, decimal extraDiscount = 0m)
    {
        var total = Currencies.Round(discount + extraDiscount, currency);
        var capped = Math.Clamp(total, 0m, gross);
        return new ComputedPrice(gross, capped, gross - capped);
    }
}
