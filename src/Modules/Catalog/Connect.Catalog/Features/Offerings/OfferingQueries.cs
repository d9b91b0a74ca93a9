using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features.Offerings;

internal sealed class GetOfferingHandler(CatalogReader reader) : IQueryHandler<GetProductOffering, ProductOffering?>
{
    public async ValueTask<ProductOffering?> Handle(GetProductOffering query, CancellationToken cancellationToken) =>
        (await reader.OfferingAsync(query.ProductOfferingId, query.PromoCode, cancellationToken))?.Value;
}

/// <summary><c>GET /product-offerings/{id}</c>: <see cref="GetProductOffering"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetProductOfferingRendering(string ProductOfferingId, string? PromoCode) : IQuery<JsonRendering<ProductOffering>?>;

internal sealed class GetOfferingRenderingHandler(CatalogReader reader) : IQueryHandler<GetProductOfferingRendering, JsonRendering<ProductOffering>?>
{
    public async ValueTask<JsonRendering<ProductOffering>?> Handle(GetProductOfferingRendering query, CancellationToken cancellationToken) =>
        await reader.OfferingAsync(query.ProductOfferingId, query.PromoCode, cancellationToken);
}

/// <summary>
/// Filters, sorts and pages in SQL (so names sort by the database's collation, as they always have), reading ids
/// only; the offerings themselves come from the snapshot.
/// </summary>
internal sealed class ListOfferingsHandler(IQuerySession session, CatalogReader reader)
    : IQueryHandler<ListProductOfferings, Page<ProductOffering>>
{
    public async ValueTask<Page<ProductOffering>> Handle(ListProductOfferings query, CancellationToken cancellationToken)
    {
        if (query.Sort == OfferingSortKey.NetPrice && !string.IsNullOrEmpty(query.PromoCode))
            return await SortedByPromotionalPriceAsync(query, cancellationToken);

        var ids = await Sort(Filter(session.Query<OfferingDocument>().Stats(out QueryStatistics stats), query), query.Sort, query.Direction)
            .Skip(query.Offset).Take(query.Limit).Select(o => o.Id).ToListAsync(cancellationToken);
        var total = await PageTotals.TotalAsync(Filter(session.Query<OfferingDocument>(), query), stats, ids.Count, query.Offset, cancellationToken);
        var items = await reader.ShownAsync(await reader.OfferingsAsync(ids, cancellationToken), query.PromoCode, cancellationToken);
        return new Page<ProductOffering>(items, total, query.Limit, query.Offset, SortKeyName(query.Sort), query.Direction);
    }

    /// <summary>
    /// sort=netPrice sorts by the price the caller sees (spec §3). A promo code changes some prices and not
    /// others, so the stored net price cannot order the page: every match is priced, then sorted and paged.
    /// </summary>
    private async Task<Page<ProductOffering>> SortedByPromotionalPriceAsync(ListProductOfferings query, CancellationToken cancellationToken)
    {
        var ids = await Filter(session.Query<OfferingDocument>(), query).Select(o => o.Id).ToListAsync(cancellationToken);
        var matches = await reader.OfferingsAsync(ids, cancellationToken);
        var prices = await reader.PriceAsync(matches, query.PromoCode!, cancellationToken);
        var ordered = query.Direction == SortDirection.Asc
            ? matches.OrderBy(o => prices[o.Document.Id].NetPrice)
            : matches.OrderByDescending(o => prices[o.Document.Id].NetPrice);
        var page = ordered.ThenBy(o => o.Document.Id, StringComparer.Ordinal).Skip(query.Offset).Take(query.Limit).ToList();
        var items = await reader.ShownAsync(page, query.PromoCode, cancellationToken, prices);
        return new Page<ProductOffering>(items, matches.Count, query.Limit, query.Offset, SortKeyName(query.Sort), query.Direction);
    }

    private static IQueryable<OfferingDocument> Filter(IQueryable<OfferingDocument> offerings, ListProductOfferings query)
    {
        if (query.Types.Count > 0)
        {
            var types = query.Types.ToArray();
            offerings = offerings.Where(o => types.Contains(o.ProductType));
        }
        if (query.Categories.Count > 0)
        {
            var categories = query.Categories.ToArray();
            offerings = offerings.Where(o => categories.Contains(o.ProductCategory));
        }
        if (query.CustomerType is { } customerType)
            offerings = offerings.Where(o => o.CustomerType == customerType);
        if (query.Status != OfferingStatusFilter.All)
        {
            var status = query.Status == OfferingStatusFilter.Archived ? OfferingStatus.Archived : OfferingStatus.Available;
            offerings = offerings.Where(o => o.Status == status);
        }
        if (query.ProductOfferingGroupId is { } groupId)
            offerings = offerings.Where(o => o.ProductOfferingGroupId == groupId);

        return offerings;
    }

    // Ties are broken by id so that paging is stable.
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

    public static string SortKeyName(OfferingSortKey key) => key switch
    {
        OfferingSortKey.CreatedAt => "createdAt",
        OfferingSortKey.UpdatedAt => "updatedAt",
        OfferingSortKey.NetPrice => "netPrice",
        _ => "name",
    };
}
