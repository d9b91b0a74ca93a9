using System.Collections.Immutable;
using System.Text.Json;
using Connect.Catalog.Domain;
using Connect.Pricing.Contracts;

namespace Connect.Catalog.Reading;

/// <summary>
/// The resources that log entries after a snapshot's position named, as they read at <paramref name="Position"/>
/// (null: gone), and where the changed offerings go in each order of the list.
/// </summary>
/// <param name="Bases">Each order without the changed offerings, as the gaps count them.</param>
/// <param name="Placed">Per order, the changed offerings that exist, by gap and within a gap as the database sorts them.</param>
internal sealed record CatalogDelta(
    long Position, IReadOnlyDictionary<string, ProductDocument?> Products, IReadOnlyDictionary<string, OfferingGroupDocument?> Groups,
    IReadOnlyDictionary<string, OfferingDocument?> Offerings, IReadOnlyDictionary<string, CatalogDocument?> Catalogs,
    IReadOnlyList<OfferingOrder> Bases, IReadOnlyList<IReadOnlyList<(string Id, int Gap)>> Placed, IReadOnlyDictionary<string, OfferingSortKeys> Keys)
{
    public bool IsEmpty => Products.Count + Groups.Count + Offerings.Count + Catalogs.Count == 0;
}

/// <summary>Makes the snapshot after a <see cref="CatalogDelta"/>: new entries for what it names, everything else shared.</summary>
internal static class CatalogSnapshotChange
{
    public static CatalogSnapshot Apply(CatalogSnapshot basis, CatalogDelta delta, IReadOnlyDictionary<string, ComputedPrice> basePrices,
        JsonSerializerOptions json, long generation, long loadedAt)
    {
        var state = basis.State;
        if (delta.IsEmpty) return new CatalogSnapshot(state with { Position = delta.Position }, generation, loadedAt);
        var products = Replace(state.Products, delta.Products);
        var groups = Replace(state.Groups, delta.Groups);

        var offeringsBuilder = state.Offerings.ToBuilder();
        foreach (var (id, document) in delta.Offerings)
        {
            if (document is null) offeringsBuilder.Remove(id);
            else offeringsBuilder[id] = new PublishedOffering(document, products.GetValueOrDefault(document.ProductId),
                document.ProductOfferingGroupId is { } g ? groups.GetValueOrDefault(g) : null, basePrices[id], delta.Keys[id], json);
        }
        var offerings = offeringsBuilder.ToImmutable();

        var catalogs = state.Catalogs.ToBuilder();
        foreach (var (id, document) in delta.Catalogs)
        {
            if (document is null) catalogs.Remove(id);
            else catalogs[id] = new PublishedCatalog(document, groups, offerings, json);
        }
        var touched = delta.Offerings.Keys.Concat(delta.Groups.Keys).ToList();
        foreach (var catalog in state.Catalogs.Values)
            if (!delta.Catalogs.ContainsKey(catalog.Document.Id) && touched.Any(catalog.DependsOn))
                catalogs[catalog.Document.Id] = catalog.Over(groups, offerings);

        var orders = delta.Offerings.Count == 0 ? state.Orders : state.Orders.Select((order, o) =>
            delta.Bases[o].With(delta.Placed[o].Select(p => new Placement(offerings[p.Id], p.Gap)).ToList(), order)).ToImmutableArray();
        return new CatalogSnapshot(new CatalogState(delta.Position, products, groups, offerings, catalogs.ToImmutable(), orders), generation, loadedAt);
    }

    private static ImmutableDictionary<string, T> Replace<T>(ImmutableDictionary<string, T> current, IReadOnlyDictionary<string, T?> changed)
        where T : class
    {
        if (changed.Count == 0) return current;
        var builder = current.ToBuilder();
        foreach (var (id, document) in changed)
        {
            if (document is null) builder.Remove(id);
            else builder[id] = document;
        }
        return builder.ToImmutable();
    }
}
