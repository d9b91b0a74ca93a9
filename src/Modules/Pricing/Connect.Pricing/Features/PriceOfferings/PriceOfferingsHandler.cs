using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Mediator;

namespace Connect.Pricing.Features.PriceOfferings;

internal sealed class PriceOfferingsHandler : IQueryHandler<Contracts.PriceOfferings, IReadOnlyDictionary<string, ComputedPrice>>
{
    public ValueTask<IReadOnlyDictionary<string, ComputedPrice>> Handle(
        Contracts.PriceOfferings query, CancellationToken cancellationToken)
    {
        // No promo codes exist until the promo code feature lands, so any code given is unknown.
        if (!string.IsNullOrEmpty(query.PromoCode))
            throw new PromoCodeInvalidException(query.PromoCode, "unknown");

        IReadOnlyDictionary<string, ComputedPrice> prices = query.Offerings.ToDictionary(
            o => o.ProductOfferingId,
            o => PriceArithmetic.Compute(o.Currency, o.GrossPrice, o.Discount));
        return ValueTask.FromResult(prices);
    }
}
