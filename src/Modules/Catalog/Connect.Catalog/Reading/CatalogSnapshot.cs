using System.Collections.Immutable;
using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Paging;

namespace Connect.Catalog.Reading;

/// <summary>
/// Every product, group, offering and catalog as of one position of the change log, with the base prices Pricing
/// gave them. Never changed once built: applying log entries (<see cref="CatalogSnapshotChange"/>) makes a new
/// snapshot that shares every untouched entry with this one (persistent collections), so a change costs what it
/// touches, not the catalog's size. What readers ask for is shaped, written out and hashed the first time, then
/// served from here for as long as the entry is untouched.
/// </summary>
internal sealed class CatalogSnapshot
{
    private readonly Dictionary<CustomerType, CatalogDocument[]> _defaults;

    internal CatalogSnapshot(CatalogState state, long generation, long loadedAt)
    {
        State = state;
        Generation = generation;
        LoadedAt = loadedAt;
        _defaults = state.Catalogs.Values.Select(c => c.Document).Where(c => c.IsDefault)
            .GroupBy(c => c.CustomerType).ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>A snapshot of everything read in one transaction at log position <paramref name="position"/>.</summary>
    public static CatalogSnapshot Load(long generation, long loadedAt, long position, CatalogDocuments documents,
        IReadOnlyDictionary<string, ComputedPrice> basePrices, JsonSerializerOptions json)
    {
        var products = documents.Products.ToImmutableDictionary(p => p.Id, StringComparer.Ordinal);
        var groups = documents.Groups.ToImmutableDictionary(g => g.Id, StringComparer.Ordinal);
        var offerings = documents.Offerings.ToImmutableDictionary(o => o.Id, o => new PublishedOffering(o,
            products.GetValueOrDefault(o.ProductId), o.ProductOfferingGroupId is { } g ? groups.GetValueOrDefault(g) : null,
            basePrices[o.Id], documents.Keys[o.Id], json), StringComparer.Ordinal);
        var catalogs = documents.Catalogs.ToImmutableDictionary(c => c.Id, c => new PublishedCatalog(c, groups, offerings, json), StringComparer.Ordinal);
        var orders = documents.Orders.Select(ids => OfferingOrder.Of(ids.Select(id => offerings[id]))).ToImmutableArray();
        return new CatalogSnapshot(new CatalogState(position, products, groups, offerings, catalogs, orders), generation, loadedAt);
    }

    /// <summary>The same state, confirmed current at a later generation.</summary>
    public CatalogSnapshot Confirmed(long generation, long loadedAt) => new(State, generation, loadedAt);

    internal CatalogState State { get; }

    /// <summary>The log position this snapshot holds every change up to.</summary>
    public long Position => State.Position;

    /// <summary>The <see cref="CatalogChanges.Generation"/> this snapshot was brought up to date at.</summary>
    public long Generation { get; }

    /// <summary><see cref="Environment.TickCount64"/> when the read that brought it up to date began.</summary>
    public long LoadedAt { get; }

    public PublishedOffering? Offering(string id) => State.Offerings.GetValueOrDefault(id);

    /// <summary>Every offering, in the order the list sorts by.</summary>
    public IEnumerable<PublishedOffering> InOrder(OfferingSortKey key, SortDirection direction) =>
        State.Orders[Array.IndexOf(OfferingOrders.All, (key, direction))].Offerings;

    public PublishedCatalog? Catalog(string id) => State.Catalogs.GetValueOrDefault(id);

    public PublishedCatalog? DefaultCatalog(CustomerType customerType, string locale) =>
        _defaults.TryGetValue(customerType, out var defaults) && DefaultCatalogResolver.Pick(defaults, locale) is { } picked
            ? State.Catalogs[picked.Id]
            : null;
}

/// <summary>What a snapshot holds; the orders are indexed like <see cref="OfferingOrders.All"/>.</summary>
internal sealed record CatalogState(
    long Position, ImmutableDictionary<string, ProductDocument> Products, ImmutableDictionary<string, OfferingGroupDocument> Groups,
    ImmutableDictionary<string, PublishedOffering> Offerings, ImmutableDictionary<string, PublishedCatalog> Catalogs,
    ImmutableArray<OfferingOrder> Orders);

/// <summary>The documents a snapshot is built from, the ids of the offerings in each order of the list (indexed like
/// <see cref="OfferingOrders.All"/>) and their sort keys.</summary>
internal sealed record CatalogDocuments(
    IReadOnlyList<ProductDocument> Products, IReadOnlyList<OfferingGroupDocument> Groups,
    IReadOnlyList<OfferingDocument> Offerings, IReadOnlyList<CatalogDocument> Catalogs,
    IReadOnlyList<string[]> Orders, IReadOnlyDictionary<string, OfferingSortKeys> Keys);
