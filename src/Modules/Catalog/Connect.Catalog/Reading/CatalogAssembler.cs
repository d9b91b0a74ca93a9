using Connect.SharedKernel;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Mapster;
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
        catalog.ProductOfferingIds.Select(offerings.GetValueOrDefault).OfType<T>()
            .Where(o => document(o) is { Status: OfferingStatus.Available } d && d.CustomerType == catalog.CustomerType).ToList();

    private static List<OfferingDocument> Listed(CatalogDocument catalog, IReadOnlyDictionary<string, OfferingDocument> offerings) =>
        Listed(catalog, offerings, o => o);

    /// <summary>The published shape of a catalog without its offerings; its groups in the order the operator set.</summary>
    public static ProductCatalog Summary(CatalogDocument catalog, IReadOnlyDictionary<string, OfferingGroupDocument> groups) => new()
    {
        ProductCatalogId = catalog.Id,
        Name = catalog.Name,
        ExternalReference = catalog.ExternalReference,
        Description = catalog.Description,
        ProductOfferingGroups = catalog.ProductOfferingGroupIds.Select(groups.GetValueOrDefault)
            .OfType<OfferingGroupDocument>().Select(g => g.Adapt<ProductOfferingGroup>(CatalogMapping.Config)).ToList(),
        CreatedAt = catalog.CreatedAt,
        UpdatedAt = catalog.UpdatedAt,
        Metadata = CanonicalJson.Metadata(catalog.Metadata),
        CustomerType = catalog.CustomerType,
        Locale = catalog.Locale,
        IsDefault = catalog.IsDefault,
    };
}
