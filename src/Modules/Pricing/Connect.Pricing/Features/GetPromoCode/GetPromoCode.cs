using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>One promo code by its code (any case); null when unknown.</summary>
/// <param name="Code">The code.</param>
internal sealed record GetPromoCode(string Code) : IQuery<PromoCode?>;

internal sealed class GetPromoCodeHandler(IQuerySession session) : IQueryHandler<GetPromoCode, PromoCode?>
{
    public async ValueTask<PromoCode?> Handle(GetPromoCode query, CancellationToken cancellationToken) =>
        PromoCodeFormat.IsValid(query.Code) &&
        await session.LoadAsync<PromoCodeDocument>(PromoCodeDocument.Normalize(query.Code), cancellationToken) is { } code
            ? await ArchivedTargets.ViewAsync(session, code, cancellationToken)
            : null;
}
