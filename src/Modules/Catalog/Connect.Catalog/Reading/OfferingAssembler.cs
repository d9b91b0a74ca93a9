using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Json;
using Connect.Pricing.Contracts;
using Marten;
using Mediator;

namespace Connect.Catalog.Reading;

/// <summary>
/// Turns offering documents into the published shape: joins products and groups in one batch each and
/// asks Pricing for every price in one query. Commands use it for the version they just wrote; reads are
/// answered from <see cref="CatalogSnapshot"/>, which shapes offerings with <see cref="ToResponse"/> too.
/// </summary>
internal sealed class OfferingAssembler(IQuerySession session, ISender sender)
{
    public async Task<ProductOffering> AssembleOneAsync(OfferingDocument offering, string? promoCode, CancellationToken cancellationToken) =>
        (await AssembleAsync([offering], promoCode, cancellationToken))[0];

    /// <param name="offerings">The offerings, in the order to show them.</param>
    /// <param name="promoCode">The caller's promo code, if any (an invalid one is a 422 even for an empty list).</param>
    /// <param name="cancellationToken">Cancels the loads.</param>
    /// <param name="prices">Prices already computed for these offerings with the same code, if the caller has them.</param>
    public async Task<IReadOnlyList<ProductOffering>> AssembleAsync(IReadOnlyList<OfferingDocument> offerings, string? promoCode,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, ComputedPrice>? prices = null)
    {
        prices ??= await PriceAsync(offerings, promoCode, cancellationToken);
        var products = await LoadAsync<ProductDocument>(offerings.Select(o => o.ProductId), p => p.Id, cancellationToken);
        var groups = await LoadAsync<OfferingGroupDocument>(
            offerings.Select(o => o.ProductOfferingGroupId).OfType<string>(), g => g.Id, cancellationToken);

        return offerings.Select(o => ToResponse(o, products.GetValueOrDefault(o.ProductId),
            o.ProductOfferingGroupId is { } g ? groups.GetValueOrDefault(g) : null, prices[o.Id])).ToList();
    }

    /// <summary>The prices the caller sees, from Pricing, in one query for the whole batch.</summary>
    public async Task<IReadOnlyDictionary<string, ComputedPrice>> PriceAsync(
        IReadOnlyList<OfferingDocument> offerings, string? promoCode, CancellationToken cancellationToken) =>
        await sender.Send(new PriceOfferings(offerings.Select(PricingInputOf).ToList(), promoCode), cancellationToken);

    /// <summary>What Pricing needs to know about an offering.</summary>
    public static PricingInput PricingInputOf(OfferingDocument o) =>
        new(o.Id, o.ProductOfferingGroupId, o.ProductType, o.ProductCategory, o.CustomerType, o.Price.Currency, o.Price.GrossPrice, o.Price.Discount);

    private async Task<Dictionary<string, T>> LoadAsync<T>(
        IEnumerable<string> ids, Func<T, string> idOf, CancellationToken cancellationToken) where T : notnull
    {
        var distinct = ids.Distinct().ToArray();
        if (distinct.Length == 0) return [];
        var loaded = await session.LoadManyAsync<T>(cancellationToken, distinct);
        return loaded.ToDictionary(idOf);
    }

    /// <summary>The published shape of an offering, priced as given.</summary>
    public static ProductOffering ToResponse(
        OfferingDocument o, ProductDocument? product, OfferingGroupDocument? group, ComputedPrice price) => new()
    {
        ProductOfferingId = o.Id,
        Name = o.Name,
        Price = new Price
        {
            Currency = o.Price.Currency,
            PriceType = o.Price.PriceType,
            GrossPrice = price.GrossPrice,
            Discount = price.Discount,
            NetPrice = price.NetPrice,
            BoundMonths = o.Price.BoundMonths,
            BillingCycle = o.Price.BillingCycle,
            TaxIncluded = o.Price.TaxIncluded,
        },
        Status = o.Status,
        Description = o.Description,
        RichContent = o.RichContent,
        ProductId = o.ProductId,
        Product = product?.ToResponse(),
        ProductOfferingGroupId = o.ProductOfferingGroupId,
        Group = group is null ? null : new ProductOfferingGroupSummary(group.Id, group.Name, group.Category),
        CustomerType = o.CustomerType,
        AddonCategories = o.AddonCategories,
        InternalDescription = o.InternalDescription,
        ImageUrl = o.ImageUrl,
        CreatedAt = o.CreatedAt,
        UpdatedAt = o.UpdatedAt,
        Metadata = CanonicalJson.Metadata(o.Metadata),
    };
}
