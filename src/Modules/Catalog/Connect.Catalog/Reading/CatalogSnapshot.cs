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
