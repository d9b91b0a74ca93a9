using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>A promo code's history; null when the code is unknown.</summary>
/// <param name="Code">The code.</param>
internal sealed record GetPromoCodeHistory(string Code) : IQuery<PromoCodeHistory?>;

/// <summary>The code's stream, oldest first: its creation, then its deactivation if any.</summary>
internal sealed class GetPromoCodeHistoryHandler(IQuerySession session)
    : IQueryHandler<GetPromoCodeHistory, PromoCodeHistory?>
{
    public async ValueTask<PromoCodeHistory?> Handle(GetPromoCodeHistory query, CancellationToken cancellationToken)
    {
        if (!PromoCodeFormat.IsValid(query.Code)) return null;
        var events = await session.Events.FetchStreamAsync(PromoCodeDocument.StreamKey(PromoCodeDocument.Normalize(query.Code)), token: cancellationToken);
        if (events.Count == 0) return null;
        return new PromoCodeHistory(events.Select(e => e.Data switch
        {
            PromoCodeCreated c => new PromoCodeHistoryEntry(e.Version, "CREATED", PromoCodeStatus.Active, c.OccurredAt, null, c.ChangedBy),
            PromoCodeDeactivated d => new PromoCodeHistoryEntry(e.Version, "DEACTIVATED", PromoCodeStatus.Inactive, d.OccurredAt, d.Reason, d.ChangedBy),
            _ => null,
        }).OfType<PromoCodeHistoryEntry>().ToList());
    }
}
