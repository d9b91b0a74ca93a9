using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Http;
using Connect.Pricing.Contracts;

namespace Connect.Catalog.Reading;

/// <summary>An offering of a snapshot: its document, what Pricing needs, and its published shape at the base price.</summary>
internal sealed class PublishedOffering(OfferingDocument document, ProductDocument? product, OfferingGroupDocument? group,
    ComputedPrice basePrice, OfferingSortKeys sortKeys, JsonSerializerOptions json)
{
    private readonly PricedRenderings<ProductOffering> _priced = new();
    private JsonRendering<ProductOffering>? _rendering;

    public OfferingDocument Document { get; } = document;

    public PricingInput PricingInput { get; } = OfferingAssembler.PricingInputOf(document);

    public ComputedPrice BasePrice { get; } = basePrice;

    /// <summary>Where the list's orders put it, as the database computed it.</summary>
    public OfferingSortKeys SortKeys { get; } = sortKeys;

    // Shaped on first use; a race makes the same rendering twice, and either is right.
    public JsonRendering<ProductOffering> Rendering =>
        _rendering ??= JsonRendering<ProductOffering>.Of(OfferingAssembler.ToResponse(Document, product, group, BasePrice), json);

    /// <summary>The offering at the price Pricing gave it for a promo code: the base rendering when that is the base price.</summary>
    public JsonRendering<ProductOffering> PricedAt(ComputedPrice price) =>
        IsBase(price) ? Rendering : _priced.GetOrAdd([price], () => JsonRendering<ProductOffering>.Of(Rendering.Value with
        {
            Price = Rendering.Value.Price with { GrossPrice = price.GrossPrice, Discount = price.Discount, NetPrice = price.NetPrice },
        }, json));

    /// <summary>The rendering whose object this is (the base one or a priced one still kept), if any.</summary>
    public JsonRendering<ProductOffering>? RenderingOf(ProductOffering shown) =>
        ReferenceEquals(Rendering.Value, shown) ? Rendering : _priced.Find(shown);

    public bool IsBase(ComputedPrice price) => PricedRenderings<ProductOffering>.Same(price, BasePrice);

    /// <summary>Whether the offering at this price (null: the base price) is rendered already.</summary>
    public bool IsRenderedAt(ComputedPrice? price) => price is null || IsBase(price) ? _rendering is not null : _priced.Holds([price]);
}

/// <summary>A catalog of a snapshot: the offerings it shows and its published shape at base prices.</summary>
internal sealed class PublishedCatalog
{
    private readonly PricedRenderings<ProductCatalog> _priced = new();
    private readonly IReadOnlyDictionary<string, OfferingGroupDocument> _groups;
    private readonly IReadOnlyDictionary<string, PublishedOffering> _offerings;
    private readonly JsonSerializerOptions _json;
    private readonly Lazy<HashSet<string>> _listed;
    private readonly Lazy<IReadOnlyList<PublishedOffering>> _shown;
    private JsonRendering<ProductCatalog>? _rendering;

    public PublishedCatalog(CatalogDocument document, IReadOnlyDictionary<string, OfferingGroupDocument> groups,
        IReadOnlyDictionary<string, PublishedOffering> offerings, JsonSerializerOptions json)
        : this(document, groups, offerings, json, new Lazy<HashSet<string>>(() => document.ProductOfferingIds.ToHashSet(StringComparer.Ordinal))) { }

    private PublishedCatalog(CatalogDocument document, IReadOnlyDictionary<string, OfferingGroupDocument> groups,
        IReadOnlyDictionary<string, PublishedOffering> offerings, JsonSerializerOptions json, Lazy<HashSet<string>> listed)
    {
        Document = document;
        (_groups, _offerings, _json, _listed) = (groups, offerings, json, listed);
        // Worked out on first read, so a change to one of its offerings costs the catalog nothing until it is read.
        _shown = new Lazy<IReadOnlyList<PublishedOffering>>(() => CatalogAssembler.Listed(Document, _offerings, o => o.Document));
    }

    /// <summary>The same catalog over changed offerings or groups (the set of ids it lists is shared, not rebuilt).</summary>
    public PublishedCatalog Over(IReadOnlyDictionary<string, OfferingGroupDocument> groups, IReadOnlyDictionary<string, PublishedOffering> offerings) =>
        new(Document, groups, offerings, _json, _listed);

    public CatalogDocument Document { get; }

    /// <summary>Whether a change of this offering or group changes how the catalog reads.</summary>
    public bool DependsOn(string offeringOrGroupId) =>
        _listed.Value.Contains(offeringOrGroupId) || Document.ProductOfferingGroupIds.Contains(offeringOrGroupId);

    /// <summary>The AVAILABLE offerings of its customer type it lists, in its order.</summary>
    public IReadOnlyList<PublishedOffering> Offerings => _shown.Value;

    public JsonRendering<ProductCatalog> Rendering => _rendering ??= JsonRendering<ProductCatalog>.Of(
        CatalogAssembler.Summary(Document, _groups) with { ProductOfferings = Offerings.Select(o => o.Rendering.Value).ToList() }, _json);

    /// <summary>The catalog with its offerings at the prices Pricing gave them for a promo code.</summary>
    public JsonRendering<ProductCatalog> PricedAt(IReadOnlyDictionary<string, ComputedPrice> prices) =>
        Shown(prices) is { } shown
            ? _priced.GetOrAdd(shown, () => JsonRendering<ProductCatalog>.Of(Rendering.Value with
            {
                ProductOfferings = Offerings.Select((o, i) => o.PricedAt(shown[i]).Value).ToList(),
            }, _json))
            : Rendering;

    /// <summary>Whether the catalog at these prices (null: base prices) is rendered already.</summary>
    public bool IsRenderedAt(IReadOnlyDictionary<string, ComputedPrice>? prices) =>
        prices is not null && Shown(prices) is { } shown ? _priced.Holds(shown) : _rendering is not null;

    /// <summary>The prices of the offerings shown, in order; null when each is its base price.</summary>
    private ComputedPrice[]? Shown(IReadOnlyDictionary<string, ComputedPrice> prices)
    {
        var shown = Offerings.Select(o => prices[o.Document.Id]).ToArray();
        return Offerings.Select((o, i) => o.IsBase(shown[i])).All(b => b) ? null : shown;
    }
}

/// <summary>
/// The last few renderings of an offering or a catalog at prices a promo code gave it. Pricing judges the code on
/// every request (so validity windows are never served wrong) and only the resulting prices pick a rendering: the
/// same prices always make the same bytes.
/// </summary>
internal sealed class PricedRenderings<T> where T : class
{
    private const int Capacity = 4;
    private volatile Entry[] _entries = [];

    private sealed record Entry(ComputedPrice[] Prices, JsonRendering<T> Rendering);

    public JsonRendering<T> GetOrAdd(ComputedPrice[] prices, Func<JsonRendering<T>> render)
    {
        var entries = _entries;
        if (At(entries, prices) is { } found) return found;
        var rendering = render();
        // Copied on write, so readers never see a half-changed list; a racing writer may drop one entry, which only costs a re-render.
        _entries = [.. entries.TakeLast(Capacity - 1), new Entry(prices, rendering)];
        return rendering;
    }

    public bool Holds(ComputedPrice[] prices) => At(_entries, prices) is not null;

    private static JsonRendering<T>? At(Entry[] entries, ComputedPrice[] prices)
    {
        foreach (var entry in entries)
            if (entry.Prices.Length == prices.Length && entry.Prices.Zip(prices).All(p => Same(p.First, p.Second)))
                return entry.Rendering;
        return null;
    }

    public JsonRendering<T>? Find(T shown)
    {
        foreach (var entry in _entries)
            if (ReferenceEquals(entry.Rendering.Value, shown)) return entry.Rendering;
        return null;
    }

    // Equal amounts written with another scale (5.0 and 5.00) are different bytes, so the scale must match too.
    public static bool Same(ComputedPrice a, ComputedPrice b) =>
        Same(a.GrossPrice, b.GrossPrice) && Same(a.Discount, b.Discount) && Same(a.NetPrice, b.NetPrice);

    private static bool Same(decimal a, decimal b) => a == b && a.Scale == b.Scale;
}
