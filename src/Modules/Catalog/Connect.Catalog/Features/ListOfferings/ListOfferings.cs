using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Mediator;

namespace Connect.Catalog.Features;

internal sealed class ListProductOfferingsValidator : AbstractValidator<ListProductOfferings>
{
    public ListProductOfferingsValidator()
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        RuleFor(q => q.ProductOfferingGroupId).Must(Ids.IsValid).When(q => q.ProductOfferingGroupId is not null).WithMessage(Ids.Rule);
    }
}

/// <summary>
/// Filters and pages the snapshot's offerings in memory, walking them in the order the database sorted them
/// (<see cref="OfferingOrders"/>), so every page and total comes from one consistent snapshot.
/// </summary>
internal sealed class ListOfferingsHandler(CatalogReadModel model, CatalogReader reader, OfferingListAsOf asOf)
    : IQueryHandler<ListProductOfferings, Page<ProductOffering>>
{
    public async ValueTask<Page<ProductOffering>> Handle(ListProductOfferings query, CancellationToken cancellationToken)
    {
        if (query.AsOf is { } at) return await asOf.PageAsync(query, at, cancellationToken);
        var matches = (await model.CurrentAsync(cancellationToken)).InOrder(query.Sort, query.Direction).Where(o => Matches(o.Document, query));
        if (query.Sort == OfferingSortKey.NetPrice && !string.IsNullOrEmpty(query.PromoCode))
            return await SortedByPromotionalPriceAsync(query, matches.ToList(), cancellationToken);

        var page = new List<PublishedOffering>(Math.Min(query.Limit, 100));
        var total = 0;
        foreach (var offering in matches)
            if (total++ >= query.Offset && page.Count < query.Limit) page.Add(offering);
        var items = await reader.ShownAsync(page, query.PromoCode, cancellationToken);
        return new Page<ProductOffering>(items, total, query.Limit, query.Offset, SortKeyName(query.Sort), query.Direction);
    }

    /// <summary>
    /// sort=netPrice sorts by the price the caller sees (spec §3). A promo code changes some prices and not
    /// others, so the stored net price cannot order the page: every match is priced, then sorted and paged.
    /// </summary>
    private async Task<Page<ProductOffering>> SortedByPromotionalPriceAsync(
        ListProductOfferings query, List<PublishedOffering> matches, CancellationToken cancellationToken)
    {
        var prices = await reader.PriceAsync(matches, query.PromoCode!, cancellationToken);
        var ordered = query.Direction == SortDirection.Asc
            ? matches.OrderBy(o => prices[o.Document.Id].NetPrice)
            : matches.OrderByDescending(o => prices[o.Document.Id].NetPrice);
        var page = ordered.ThenBy(o => o.Document.Id, StringComparer.Ordinal).Skip(query.Offset).Take(query.Limit).ToList();
        var items = await reader.ShownAsync(page, query.PromoCode, cancellationToken, prices);
        return new Page<ProductOffering>(items, matches.Count, query.Limit, query.Offset, SortKeyName(query.Sort), query.Direction);
    }

    private static bool Matches(OfferingDocument o, ListProductOfferings query) =>
        Matches(query, o.ProductType, o.ProductCategory, o.CustomerType, o.Status, o.ProductOfferingGroupId);

    /// <summary>Whether an offering with these values is one the list's filters select.</summary>
    public static bool Matches(ListProductOfferings query, ProductType type, ProductCategory category, CustomerType customer,
        OfferingStatus status, string? productOfferingGroupId) =>
        (query.Types.Count == 0 || query.Types.Contains(type)) &&
        (query.Categories.Count == 0 || query.Categories.Contains(category)) &&
        (query.CustomerType is not { } customerType || customer == customerType) &&
        query.Status switch
        {
            OfferingStatusFilter.All => true,
            OfferingStatusFilter.Archived => status == OfferingStatus.Archived,
            _ => status == OfferingStatus.Available,
        } &&
        (query.ProductOfferingGroupId is not { } groupId || productOfferingGroupId == groupId);

    public static string SortKeyName(OfferingSortKey key) => key switch
    {
        OfferingSortKey.CreatedAt => "createdAt",
        OfferingSortKey.UpdatedAt => "updatedAt",
        OfferingSortKey.NetPrice => "netPrice",
        _ => "name",
    };
}
