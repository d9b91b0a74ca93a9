using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;

namespace Connect.Catalog.Reading;

/// <summary>
/// Every product, group, offering and catalog as one repeatable-read transaction saw them, with the base prices
/// Pricing gave them. Never changed once built: a change makes <see cref="CatalogReadModel"/> read a new one. What
/// readers ask for is shaped, written out and hashed the first time, then served from here for the snapshot's life.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<string, PublishedOffering> _offerings;
    private readonly Dictionary<string, PublishedCatalog> _catalogs;
    private readonly Dictionary<CustomerType, CatalogDocument[]> _defaults;
    private readonly Dictionary<(OfferingSortKey, SortDirection), PublishedOffering[]> _orders;

    public CatalogSnapshot(long generation, long loadedAt, CatalogDocuments documents,
        IReadOnlyDictionary<string, ComputedPrice> basePrices, JsonSerializerOptions json)
    {
        Generation = generation;
        LoadedAt = loadedAt;
        var products = documents.Products.ToDictionary(p => p.Id);
        var groups = documents.Groups.ToDictionary(g => g.Id);
        _offerings = documents.Offerings.ToDictionary(o => o.Id, o => new PublishedOffering(o,
            products.GetValueOrDefault(o.ProductId), o.ProductOfferingGroupId is { } g ? groups.GetValueOrDefault(g) : null,
            basePrices[o.Id], json));
        _catalogs = documents.Catalogs.ToDictionary(c => c.Id, c => new PublishedCatalog(c, groups, _offerings, json));
        _defaults = documents.Catalogs.Where(c => c.IsDefault).GroupBy(c => c.CustomerType).ToDictionary(g => g.Key, g => g.ToArray());
        _orders = documents.Orders.ToDictionary(o => o.Key, o => o.Value.Select(id => _offerings[id]).ToArray());
    }

    /// <summary>The <see cref="CatalogChanges.Generation"/> this snapshot was read at.</summary>
    public long Generation { get; }

    /// <summary><see cref="Environment.TickCount64"/> when the read began.</summary>
    public long LoadedAt { get; }

    public PublishedOffering? Offering(string id) => _offerings.GetValueOrDefault(id);

    /// <summary>Every offering, in the order the list sorts by.</summary>
    public IEnumerable<PublishedOffering> InOrder(OfferingSortKey key, SortDirection direction) => _orders[(key, direction)];

    public PublishedCatalog? Catalog(string id) => _catalogs.GetValueOrDefault(id);

    public PublishedCatalog? DefaultCatalog(CustomerType customerType, string locale) =>
        _defaults.TryGetValue(customerType, out var defaults) && DefaultCatalogResolver.Pick(defaults, locale) is { } picked
            ? _catalogs[picked.Id]
            : null;
}

/// <summary>The documents a snapshot is built from, and the ids of the offerings in each order of the list.</summary>
internal sealed record CatalogDocuments(
    IReadOnlyList<ProductDocument> Products, IReadOnlyList<OfferingGroupDocument> Groups,
    IReadOnlyList<OfferingDocument> Offerings, IReadOnlyList<CatalogDocument> Catalogs,
    IReadOnlyDictionary<(OfferingSortKey, SortDirection), IReadOnlyList<string>> Orders);

/// <summary>An offering of a snapshot: its document, what Pricing needs, and its published shape at the base price.</summary>
internal sealed class PublishedOffering(
    OfferingDocument document, ProductDocument? product, OfferingGroupDocument? group, ComputedPrice basePrice, JsonSerializerOptions json)
{
    private JsonRendering<ProductOffering>? _rendering;

    public OfferingDocument Document { get; } = document;

    public PricingInput PricingInput { get; } = OfferingAssembler.PricingInputOf(document);

    public ComputedPrice BasePrice { get; } = basePrice;

    // Shaped on first use; a race makes the same rendering twice, and either is right.
    public JsonRendering<ProductOffering> Rendering =>
        _rendering ??= JsonRendering<ProductOffering>.Of(OfferingAssembler.ToResponse(Document, product, group, BasePrice), json);

    /// <summary>The offering at the price a promo code gave it: the base rendering itself when that price is the base one.</summary>
    public JsonRendering<ProductOffering> PricedAt(ComputedPrice price) =>
        IsBase(price) ? Rendering : JsonRendering<ProductOffering>.Of(WithPrice(price), json);

    public ProductOffering WithPrice(ComputedPrice price) => IsBase(price) ? Rendering.Value : Rendering.Value with
    {
        Price = Rendering.Value.Price with { GrossPrice = price.GrossPrice, Discount = price.Discount, NetPrice = price.NetPrice },
    };

    // Equal amounts written with another scale (5.0 and 5.00) are different bytes, so the scale must match too.
    public bool IsBase(ComputedPrice price) =>
        Same(price.GrossPrice, BasePrice.GrossPrice) && Same(price.Discount, BasePrice.Discount) && Same(price.NetPrice, BasePrice.NetPrice);

    private static bool Same(decimal a, decimal b) => a == b && a.Scale == b.Scale;
}

/// <summary>A catalog of a snapshot: the offerings it shows and its published shape at base prices.</summary>
internal sealed class PublishedCatalog(
    CatalogDocument document, IReadOnlyDictionary<string, OfferingGroupDocument> groups,
    IReadOnlyDictionary<string, PublishedOffering> offerings, JsonSerializerOptions json)
{
    private JsonRendering<ProductCatalog>? _rendering;

    public CatalogDocument Document { get; } = document;

    /// <summary>The AVAILABLE offerings of its customer type it lists, in its order.</summary>
    public IReadOnlyList<PublishedOffering> Offerings { get; } = CatalogAssembler.Listed(document, offerings, o => o.Document);

    public JsonRendering<ProductCatalog> Rendering => _rendering ??= JsonRendering<ProductCatalog>.Of(
        CatalogAssembler.Summary(Document, groups) with { ProductOfferings = Offerings.Select(o => o.Rendering.Value).ToList() }, json);

    /// <summary>The catalog with its offerings at the prices a promo code gave them (computed for this request only).</summary>
    public JsonRendering<ProductCatalog> PricedAt(IReadOnlyDictionary<string, ComputedPrice> prices) =>
        Offerings.All(o => o.IsBase(prices[o.Document.Id])) ? Rendering : JsonRendering<ProductCatalog>.Of(Rendering.Value with
        {
            ProductOfferings = Offerings.Select(o => o.WithPrice(prices[o.Document.Id])).ToList(),
        }, json);
}
