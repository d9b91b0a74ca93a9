using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Connect.Pricing.Features.PromoCodes;

/// <summary>
/// Reacts to Catalog archiving and restoring offerings: remembers which are archived, and warns when an archive
/// leaves an active promo code with nothing but archived offerings to apply to. Promo code reads show it
/// (<c>archivedTargets</c>, <c>targetsOnlyArchivedOfferings</c>).
/// </summary>
internal sealed class TrackArchivedOfferings(IDocumentSession session, ILogger<TrackArchivedOfferings> logger)
    : INotificationHandler<ProductOfferingArchived>, INotificationHandler<ProductOfferingRestored>
{
    public async ValueTask Handle(ProductOfferingArchived notification, CancellationToken cancellationToken)
    {
        session.Store(new ArchivedOffering { Id = notification.ProductOfferingId, ArchivedAt = notification.OccurredAt });
        await session.SaveChangesAsync(cancellationToken);

        var codes = await session.Query<PromoCodeDocument>()
            .Where(c => c.DeactivatedAt == null && c.ProductOfferingIds.Contains(notification.ProductOfferingId))
            .ToListAsync(cancellationToken);
        foreach (var code in codes)
        {
            var shown = await ArchivedTargets.ViewAsync(session, code, cancellationToken);
            if (shown.TargetsOnlyArchivedOfferings)
                logger.LogWarning("Promo code {PromoCode:l} now targets only archived offerings ({ArchivedOfferings:l})",
                    code.Id, string.Join(", ", shown.ArchivedTargets));
        }
    }

    public async ValueTask Handle(ProductOfferingRestored notification, CancellationToken cancellationToken)
    {
        session.Delete<ArchivedOffering>(notification.ProductOfferingId);
        await session.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>Promo codes as shown, with which of their listed offerings are archived (one query for any number of codes).</summary>
internal static class ArchivedTargets
{
    public static async Task<PromoCode> ViewAsync(IQuerySession session, PromoCodeDocument code, CancellationToken cancellationToken) =>
        (await ViewAsync(session, [code], cancellationToken))[0];

    public static async Task<IReadOnlyList<PromoCode>> ViewAsync(IQuerySession session, IReadOnlyList<PromoCodeDocument> codes,
        CancellationToken cancellationToken)
    {
        var ids = codes.SelectMany(c => c.ProductOfferingIds).Distinct().ToArray();
        var archived = ids.Length == 0 ? [] : (await session.LoadManyAsync<ArchivedOffering>(cancellationToken, ids)).Select(a => a.Id).ToHashSet();
        return codes.Select(c => c.ToContract(c.ProductOfferingIds.Where(archived.Contains).Order(StringComparer.Ordinal).ToList())).ToList();
    }
}
