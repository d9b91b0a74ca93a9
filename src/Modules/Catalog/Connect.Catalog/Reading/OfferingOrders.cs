using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Services.BatchQuerying;

namespace Connect.Catalog.Reading;

/// <summary>
/// The orders the offering list sorts by, as PostgreSQL sorts them: names by the database's collation (which .NET
/// cannot reproduce for every collation), times (to the microsecond) and prices as the database compares them,
/// ties broken by id so that paging is stable. Each snapshot asks the database for all eight once, in its batch,
/// so lists are paged in memory in exactly the orders the SQL list always had.
/// </summary>
internal static class OfferingOrders
{
    public static readonly (OfferingSortKey Key, SortDirection Direction)[] All =
        [.. Enum.GetValues<OfferingSortKey>().SelectMany(k => new[] { (k, SortDirection.Asc), (k, SortDirection.Desc) })];

    /// <summary>The ids of every offering in each order, added to the snapshot's batch.</summary>
    public static Dictionary<(OfferingSortKey, SortDirection), Task<IReadOnlyList<string>>> Query(IBatchedQuery batch) =>
        All.ToDictionary(o => o, o => Sort(batch.Query<OfferingDocument>(), o.Key, o.Direction).Select(d => d.Id).ToList());

    private static IBatchedOrderedQueryable<OfferingDocument> Sort(IBatchedQueryable<OfferingDocument> q, OfferingSortKey key, SortDirection direction) =>
        (key, direction) switch
        {
            (OfferingSortKey.CreatedAt, SortDirection.Asc) => q.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id),
            (OfferingSortKey.CreatedAt, _) => q.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id),
            (OfferingSortKey.UpdatedAt, SortDirection.Asc) => q.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id),
            (OfferingSortKey.UpdatedAt, _) => q.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id),
            (OfferingSortKey.NetPrice, SortDirection.Asc) => q.OrderBy(o => o.NetPrice).ThenBy(o => o.Id),
            (OfferingSortKey.NetPrice, _) => q.OrderByDescending(o => o.NetPrice).ThenBy(o => o.Id),
            (_, SortDirection.Asc) => q.OrderBy(o => o.Name).ThenBy(o => o.Id),
            _ => q.OrderByDescending(o => o.Name).ThenBy(o => o.Id),
        };
}
