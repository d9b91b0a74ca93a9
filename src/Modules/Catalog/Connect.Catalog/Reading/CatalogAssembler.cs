using Connect.Catalog.ChangeLog;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Domain;
using Marten;

namespace Connect.Catalog.Reading;

/// <summary>Builds the published catalog shape: its AVAILABLE offerings and its groups, in the order the operator set.</summary>
internal sealed class CatalogAssembler(IQuerySession session, OfferingAssembler offerings)
{
    public async Task<ProductCatalog> AssembleAsync(CatalogDocument catalog, string? promoCode, CancellationToken cancellationToken)
    {
        var loaded = catalog.ProductOfferingIds.Count == 0 ? []
            : await session.LoadManyAsync<OfferingDocument>(cancellationToken, catalog.ProductOfferingIds);
        var items = await offerings.AssembleAsync(Listed(catalog, loaded.ToDictionary(o => o.Id)), promoCode, cancellationToken);
        return (await Summarize(catalog, cancellationToken)) with { ProductOfferings = items };
    }

    /// <summary>The catalog without its offerings, as lists show it.</summary>
    public async Task<ProductCatalog> Summarize(CatalogDocument catalog, CancellationToken cancellationToken) =>
        (await Summarize([catalog], cancellationToken))[0];

    /// <summary>A page of catalogs without their offerings, with every group they name loaded in one query.</summary>
    public async Task<List<ProductCatalog>> Summarize(IReadOnlyList<CatalogDocument> catalogs, CancellationToken cancellationToken)
    {
        var ids = catalogs.SelectMany(c => c.ProductOfferingGroupIds).Distinct().ToArray();
        var groups = ids.Length == 0 ? [] : await session.LoadManyAsync<OfferingGroupDocument>(cancellationToken, ids);
        var byId = groups.ToDictionary(g => g.Id);
        return catalogs.Select(c => Summary(c, byId)).ToList();
    }

    /// <summary>The offerings a catalog shows: those it lists that exist, are AVAILABLE and of its customer type, in its order.</summary>
    public static List<T> Listed<T>(CatalogDocument catalog, IReadOnlyDictionary<string, T> offerings, Func<T, OfferingDocument> document) =>
        Listed(catalog.ProductOfferingIds, catalog.CustomerType, offerings, o =>
        {
            var d = document(o);
            return (d.Status, d.CustomerType);
        });

    /// <summary>
    /// The offerings a catalog of <paramref name="customerType"/> listing <paramref name="ids"/> shows, live or as of an
    /// instant: those that exist, are AVAILABLE and of its customer type, in its order.
    /// </summary>
    public static List<T> Listed<T>(IReadOnlyList<string> ids, CustomerType customerType, IReadOnlyDictionary<string, T> offerings,
        Func<T, (OfferingStatus Status, CustomerType CustomerType)> state) =>
        ids.Select(offerings.GetValueOrDefault).OfType<T>()
            .Where(o => state(o) is (OfferingStatus.Available, var shownTo) && shownTo == customerType).ToList();

    private static List<OfferingDocument> Listed(CatalogDocument catalog, IReadOnlyDictionary<string, OfferingDocument> offerings) =>
        Listed(catalog, offerings, o => o);

    /// <summary>The published shape of a catalog without its offerings; its groups in the order the operator set.</summary>
    public static ProductCatalog Summary(CatalogDocument catalog, IReadOnlyDictionary<string, OfferingGroupDocument> groups) =>
        Summary(ManagedCatalog.Of(catalog), id => groups.GetValueOrDefault(id)?.ToResponse());

    /// <summary>
    /// The published shape of a catalog in its management form (live, or as the change log held it then) without its
    /// offerings; its groups, as <paramref name="group"/> finds them, in the order the operator set.
    /// </summary>
    public static ProductCatalog Summary(ManagedCatalog catalog, Func<string, ProductOfferingGroup?> group) => new()
    {
        ProductCatalogId = catalog.ProductCatalogId,
        Name = catalog.Name,
        ExternalReference = catalog.ExternalReference,
        Description = catalog.Description,
        ProductOfferingGroups = catalog.ProductOfferingGroupIds.Select(group).OfType<ProductOfferingGroup>().ToList(),
        CreatedAt = catalog.CreatedAt,
        UpdatedAt = catalog.UpdatedAt,
        Metadata = catalog.Metadata,
        CustomerType = catalog.CustomerType,
        Locale = catalog.Locale,
        IsDefault = catalog.IsDefault,
    };
}
