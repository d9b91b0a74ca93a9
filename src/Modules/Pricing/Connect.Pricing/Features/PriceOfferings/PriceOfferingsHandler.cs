using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Connect.SharedKernel.Messaging;
using Mediator;

namespace Connect.Pricing.Features.PriceOfferings;

/// <summary>
/// Prices a batch: each offering's own price, plus the promo code's discount where the code applies. The code is
/// judged once, at the time of the call, whatever the batch size (an invalid code is a 422 even for no offerings).
/// Invalid codes are counted per acting key (<see cref="PromoCodeGuessLimiter"/>).
/// </summary>
internal sealed class PriceOfferingsHandler(
    IQuerySession session, PromoCodeCache codes, TimeProvider clock, PromoCodeGuessLimiter guesses, IActor actor)
    : IQueryHandler<Contracts.PriceOfferings, IReadOnlyDictionary<string, ComputedPrice>>
{
    public async ValueTask<IReadOnlyDictionary<string, ComputedPrice>> Handle(
        Contracts.PriceOfferings query, CancellationToken cancellationToken)
    {
        var code = await UsableCodeAsync(query.PromoCode, cancellationToken);
        var prices = new Dictionary<string, ComputedPrice>(query.Offerings.Count);
        foreach (var o in query.Offerings)
            prices[o.ProductOfferingId] = PromoRules.Price(o, code);
        return prices;
    }

    private async Task<PromoCodeDocument?> UsableCodeAsync(string? given, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(given)) return null;
        guesses.EnsureNotBlocked(actor.Id);
        // A string that cannot be a code is unknown without asking the database.
        var code = PromoCodeFormat.IsValid(given)
            ? await codes.GetAsync(PromoCodeDocument.Normalize(given), session, cancellationToken)
            : null;
        if (PromoRules.WhyInvalid(code, clock.GetUtcNow()) is { } reason)
        {
            guesses.RecordInvalid(actor.Id);
            throw new PromoCodeInvalidException(reason);
        }
        return code;
    }
}
