using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;
using Mediator;

namespace Connect.Catalog.Reading;

/// <summary>
/// What the read queries answer, from the current <see cref="CatalogSnapshot"/>. Without a promo code the snapshot's
/// own renderings are the answer. With one, Pricing prices exactly what is shown, now (its validity is judged per
/// request), and the snapshot renders (or finds) the shape at those prices.
/// </summary>
internal sealed class CatalogReader(CatalogReadModel model, ISender sender, CatalogMetrics metrics)
{
    public async Task<JsonRendering<ProductOffering>?> OfferingAsync(string id, string? promoCode, CancellationToken cancellationToken)
    {
        var offering = (await model.CurrentAsync(cancellationToken)).Offering(id);
        if (offering is null) return null;
        var price = string.IsNullOrEmpty(promoCode) ? null : (await PriceAsync([offering], promoCode, cancellationToken))[id];
        metrics.Renderings.Lookup(offering.IsRenderedAt(price));
        return price is null ? offering.Rendering : offering.PricedAt(price);
    }

    public async Task<JsonRendering<ProductCatalog>?> CatalogAsync(string id, string? promoCode, CancellationToken cancellationToken) =>
        await PricedAsync((await model.CurrentAsync(cancellationToken)).Catalog(id), promoCode, cancellationToken);

    public async Task<JsonRendering<ProductCatalog>?> DefaultCatalogAsync(
        CustomerType customerType, string locale, string? promoCode, CancellationToken cancellationToken) =>
        await PricedAsync((await model.CurrentAsync(cancellationToken)).DefaultCatalog(customerType, locale), promoCode, cancellationToken);

    private async Task<JsonRendering<ProductCatalog>?> PricedAsync(PublishedCatalog? catalog, string? promoCode, CancellationToken cancellationToken)
    {
        if (catalog is null) return null;
        var prices = string.IsNullOrEmpty(promoCode) ? null : await PriceAsync(catalog.Offerings, promoCode, cancellationToken);
        metrics.Renderings.Lookup(catalog.IsRenderedAt(prices));
        return prices is null ? catalog.Rendering : catalog.PricedAt(prices);
    }

    /// <summary>The offerings as shown with the promo code (or at their base prices without one).</summary>
    public async Task<IReadOnlyList<ProductOffering>> ShownAsync(IReadOnlyList<PublishedOffering> offerings, string? promoCode,
        CancellationToken cancellationToken, IReadOnlyDictionary<string, ComputedPrice>? prices = null)
    {
        if (string.IsNullOrEmpty(promoCode)) return offerings.Select(o => o.Rendering.Value).ToList();
        prices ??= await PriceAsync(offerings, promoCode, cancellationToken);
        return offerings.Select(o => o.PricedAt(prices[o.Document.Id]).Value).ToList();
    }

    /// <summary>Prices with the code, in one query; an invalid code is a 422 even for no offerings.</summary>
    public async Task<IReadOnlyDictionary<string, ComputedPrice>> PriceAsync(
        IReadOnlyList<PublishedOffering> offerings, string promoCode, CancellationToken cancellationToken) =>
        await sender.Send(new PriceOfferings(offerings.Select(o => o.PricingInput).ToList(), promoCode), cancellationToken);
}
