using Connect.Pricing.Domain;
using Connect.SharedKernel.ChangeLog;
using Marten;

namespace Connect.Pricing.Features;

/// <summary>Promo codes stored before the log existed, each as its first entry shows it.</summary>
internal sealed class PromoCodeBackfill(IQuerySession session) : IChangeLogBackfill
{
    public async Task<IReadOnlyList<BackfillEntry>> MissingAsync(IReadOnlySet<(string Type, string Id)> logged, CancellationToken cancellationToken)
    {
        var missing = (await session.Query<PromoCodeDocument>().Select(c => c.Id).ToListAsync(cancellationToken))
            .Where(id => !logged.Contains((ResourceTypes.PromoCode, id))).ToArray();
        if (missing.Length == 0) return [];
        var codes = (await session.LoadManyAsync<PromoCodeDocument>(cancellationToken, missing)).ToList();
        return [.. codes.Zip(await ArchivedTargets.ViewAsync(session, codes, cancellationToken))
            .Select(c => new BackfillEntry(ResourceTypes.PromoCode, c.First.Id, c.First.CreatedAt, c.Second))];
    }
}
