using Connect.Pricing.Domain;
using Connect.SharedKernel.ChangeLog;
using Marten;
using Microsoft.Extensions.Logging;

namespace Connect.Pricing.Features;

/// <summary>
/// Follows Catalog's archives and restores in the change log: remembers which offerings are archived, and warns when
/// an archive leaves an active promo code with nothing but archived offerings to apply to. Promo code reads show it
/// (<c>archivedTargets</c>, <c>targetsOnlyArchivedOfferings</c>). Its position in the log is stored with its effects,
/// so a crash between an archive and this reaction only delays it.
/// </summary>
internal sealed class TrackArchivedOfferings(ILogger<TrackArchivedOfferings> logger) : IChangeReaction
{
    public string Name => "pricing.archived-offerings";

    public IReadOnlyList<string> ResourceTypes { get; } = [SharedKernel.ChangeLog.ResourceTypes.ProductOffering];

    public async Task ApplyAsync(CatalogChange change, IDocumentSession session, CancellationToken cancellationToken)
    {
        if (change.Change == ChangeKinds.Restored)
            session.Delete<ArchivedOffering>(change.ResourceId);
        if (change.Change != ChangeKinds.Archived) return;

        session.Store(new ArchivedOffering { Id = change.ResourceId, ArchivedAt = change.OccurredAt });
        var codes = await session.Query<PromoCodeDocument>()
            .Where(c => c.DeactivatedAt == null && c.ProductOfferingIds.Contains(change.ResourceId))
            .ToListAsync(cancellationToken);
        foreach (var code in codes)
        {
            var archived = (await session.LoadManyAsync<ArchivedOffering>(cancellationToken, [.. code.ProductOfferingIds])).Select(a => a.Id)
                .Append(change.ResourceId).ToHashSet(StringComparer.Ordinal);
            if (code.ProductOfferingIds.All(archived.Contains))
                logger.LogWarning("Promo code {PromoCode:l} now targets only archived offerings ({ArchivedOfferings:l})",
                    code.Id, string.Join(", ", code.ProductOfferingIds.Order(StringComparer.Ordinal)));
        }
    }
}
