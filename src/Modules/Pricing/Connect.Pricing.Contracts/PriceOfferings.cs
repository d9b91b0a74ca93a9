using Connect.Catalog.Contracts;
using Connect.SharedKernel.Domain;
using Mediator;

namespace Connect.Pricing.Contracts;

/// <summary>
/// Prices a batch of offerings in one call (a page or a whole catalog). The caller hands over everything
/// pricing needs, so Pricing never calls back into Catalog. Fails with a 422
/// <c>promo_code_invalid</c> problem for an unknown, expired, not-yet-valid or deactivated code.
/// </summary>
/// <param name="Offerings">What to price.</param>
/// <param name="PromoCode">Optional promo code (case-insensitive; null or empty: none). Judged at the time of the call.</param>
/// <param name="AsOf">For a read of the past: the code is judged as it stood then (from the change log), at that instant.</param>
public sealed record PriceOfferings(IReadOnlyList<PricingInput> Offerings, string? PromoCode, DateTimeOffset? AsOf = null)
    : IQuery<IReadOnlyDictionary<string, ComputedPrice>>;

/// <summary>One offering to price.</summary>
/// <param name="ProductOfferingId">The offering.</param>
/// <param name="ProductOfferingGroupId">Its group, if any.</param>
/// <param name="ProductType">Its product's type.</param>
/// <param name="ProductCategory">Its product's category.</param>
/// <param name="CustomerType">Who the offering is sold to.</param>
/// <param name="Currency">ISO 4217 currency of the base price.</param>
/// <param name="GrossPrice">The offering's own gross price.</param>
/// <param name="Discount">The offering's own discount.</param>
public sealed record PricingInput(
    string ProductOfferingId, string? ProductOfferingGroupId, ProductType ProductType, ProductCategory ProductCategory,
    CustomerType CustomerType, string Currency, decimal GrossPrice, decimal Discount);

/// <summary>The price a caller sees: <c>NetPrice = GrossPrice − Discount</c>, never below 0.</summary>
/// <param name="GrossPrice">Gross price.</param>
/// <param name="Discount">Every discount that applies, capped at the gross price.</param>
/// <param name="NetPrice">What the customer pays.</param>
public sealed record ComputedPrice(decimal GrossPrice, decimal Discount, decimal NetPrice);

/// <summary>
/// For an archive dry run: the active promo codes that apply to <paramref name="Leaving"/>, each with whether any
/// of <paramref name="Remaining"/> (the offerings still AVAILABLE after it leaves) is still a target.
/// </summary>
/// <param name="Leaving">The offering that would stop being sold.</param>
/// <param name="Remaining">Every offering that would still be AVAILABLE.</param>
public sealed record PromoCodesLosingTargets(PricingInput Leaving, IReadOnlyList<PricingInput> Remaining) : IQuery<IReadOnlyList<PromoCodeImpact>>;

/// <summary>A promo code that applies to the leaving offering.</summary>
/// <param name="Code">The code.</param>
/// <param name="LeftWithoutAvailableTargets">True when no remaining AVAILABLE offering is a target.</param>
public sealed record PromoCodeImpact(string Code, bool LeftWithoutAvailableTargets);
