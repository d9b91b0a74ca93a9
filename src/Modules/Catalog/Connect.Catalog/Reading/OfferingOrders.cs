using Connect.Catalog.Contracts;
using Connect.SharedKernel.Paging;

namespace Connect.Catalog.Reading;

/// <summary>
/// The orders the offering list sorts by, as PostgreSQL sorts them: names by the database's collation (which .NET
/// cannot reproduce for every collation), times (to the microsecond) and prices as the database compares them,
/// ties broken by id so that paging is stable. The database computes each offering's keys
/// (<see cref="OfferingSortKeys"/>) and all eight orders when a snapshot is loaded, and places changed offerings
/// with the same expressions (<see cref="OfferingPlacement"/>), so lists are paged in memory in exactly the orders
/// the SQL list always had.
/// </summary>
internal static class OfferingOrders
{
    public static readonly (OfferingSortKey Key, SortDirection Direction)[] All =
        [.. Enum.GetValues<OfferingSortKey>().SelectMany(k => new[] { (k, SortDirection.Asc), (k, SortDirection.Desc) })];

    /// <summary>The column of <see cref="OfferingSortKeys.Sql"/> an order sorts by.</summary>
    public static string Column(OfferingSortKey key) => key switch
    {
        OfferingSortKey.CreatedAt => "created",
        OfferingSortKey.UpdatedAt => "updated",
        OfferingSortKey.NetPrice => "net",
        _ => "name",
    };

    /// <summary>The ORDER BY of order number <paramref name="order"/> over rows of <see cref="OfferingSortKeys.Sql"/> named <paramref name="alias"/>.</summary>
    public static string OrderBy(int order, string alias) =>
        $"{alias}.{Column(All[order].Key)}{(All[order].Direction == SortDirection.Asc ? "" : " DESC")}, {alias}.id";
}
