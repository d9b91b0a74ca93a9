using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;

namespace Connect.Pricing.Features;

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
