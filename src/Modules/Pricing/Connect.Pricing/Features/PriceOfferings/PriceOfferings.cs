using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Connect.SharedKernel.Messaging;
using Mediator;
using Connect.SharedKernel.ChangeLog;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Pricing.Features;

/// <summary>
/// Prices a batch: each offering's own price, plus the promo code's discount where the code applies. The code is
/// judged once, at the time of the call, whatever the batch size (an invalid code is a 422 even for no offerings).
/// Invalid codes are counted per acting key (<see cref="PromoCodeGuessLimiter"/>).
/// </summary>
internal sealed class PriceOfferingsHandler(
    IQuerySession session, PromoCodeCache codes, TimeProvider clock, PromoCodeGuessLimiter guesses, IActor actor, ChangeHistory history,
    IOptions<JsonOptions> json)
    : IQueryHandler<Contracts.PriceOfferings, IReadOnlyDictionary<string, ComputedPrice>>
{
    public async ValueTask<IReadOnlyDictionary<string, ComputedPrice>> Handle(
        Contracts.PriceOfferings query, CancellationToken cancellationToken)
    {
        var code = await UsableCodeAsync(query.PromoCode, query.AsOf, cancellationToken);
        var prices = new Dictionary<string, ComputedPrice>(query.Offerings.Count);
        foreach (var o in query.Offerings)
            prices[o.ProductOfferingId] = PromoRules.Price(o, code);
        return prices;
    }

    private async Task<PromoCodeDocument?> UsableCodeAsync(string? given, DateTimeOffset? asOf, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(given)) return null;
        guesses.EnsureNotBlocked(actor.Id);
        // A string that cannot be a code is unknown without asking the database.
        var code = !PromoCodeFormat.IsValid(given) ? null
            : asOf is { } at ? await AsItStoodAsync(PromoCodeDocument.Normalize(given), at, cancellationToken)
            : await codes.GetAsync(PromoCodeDocument.Normalize(given), session, cancellationToken);
        if (PromoRules.WhyInvalid(code, asOf ?? clock.GetUtcNow()) is { } reason)
        {
            guesses.RecordInvalid(actor.Id);
            throw new PromoCodeInvalidException(reason);
        }
        return code;
    }

    /// <summary>The code as its last change log entry at or before the instant shows it; null when it did not exist then.</summary>
    private async Task<PromoCodeDocument?> AsItStoodAsync(string code, DateTimeOffset at, CancellationToken cancellationToken) =>
        (await history.AtAsync(ResourceTypes.PromoCode, [code], at, cancellationToken)).TryGetValue(code, out var text)
            ? PromoCodeDocument.FromContract(JsonSerializer.Deserialize<PromoCode>(text, json.Value.SerializerOptions)!)
            : null;
}
