using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Paging;
using Marten;

namespace Connect.Catalog.Reading;

/// <summary>
/// The orders the offering list sorts by, as PostgreSQL sorts them: names by the database's collation (which .NET
/// cannot reproduce for every collation), times and prices as the database compares them, ties broken by id so
/// that paging is stable. Each snapshot asks the database for all of them once, so lists are sorted in memory
/// exactly as the SQL list always sorted them.
/// </summary>
internal static class OfferingOrders
{
    public static readonly (OfferingSortKey Key, SortDirection Direction)[] All =
        [.. Enum.GetValues<OfferingSortKey>().SelectMany(k => new[] { (k, SortDirection.Asc), (k, SortDirection.Desc) })];

    /// <summary>The ids of every offering in each order, read in the caller's transaction.</summary>
    public static async Task<Dictionary<(OfferingSortKey, SortDirection), IReadOnlyList<string>>> ReadAsync(IQuerySession session)
    {
        var orders = new Dictionary<(OfferingSortKey, SortDirection), IReadOnlyList<string>>();
        foreach (var (key, direction) in All)
            orders[(key, direction)] = await Sort(session.Query<OfferingDocument>(), key, direction).Select(o => o.Id).ToListAsync();
        return orders;
    }

    private static IQueryable<OfferingDocument> Sort(IQueryable<OfferingDocument> q, OfferingSortKey key, SortDirection direction) =>
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
