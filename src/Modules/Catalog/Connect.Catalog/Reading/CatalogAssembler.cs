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
        var byId = loaded.ToDictionary(o => o.Id);
        var available = catalog.ProductOfferingIds.Select(byId.GetValueOrDefault).OfType<OfferingDocument>()
            .Where(o => o.Status == OfferingStatus.Available && o.CustomerType == catalog.CustomerType).ToList();
        var items = await offerings.AssembleAsync(available, promoCode, cancellationToken);
        return (await Summarize(catalog, cancellationToken)) with { ProductOfferings = items };
    }

    /// <summary>The catalog without its offerings, as lists show it.</summary>
    public async Task<ProductCatalog> Summarize(CatalogDocument catalog, CancellationToken cancellationToken)
    {
        var groups = catalog.ProductOfferingGroupIds.Count == 0 ? []
            : await session.LoadManyAsync<OfferingGroupDocument>(cancellationToken, catalog.ProductOfferingGroupIds);
        var groupsById = groups.ToDictionary(g => g.Id);
        return new ProductCatalog
        {
            ProductCatalogId = catalog.Id,
            Name = catalog.Name,
            ExternalReference = catalog.ExternalReference,
            Description = catalog.Description,
            ProductOfferingGroups = catalog.ProductOfferingGroupIds.Select(groupsById.GetValueOrDefault)
                .OfType<OfferingGroupDocument>().Select(g => g.Adapt<ProductOfferingGroup>(CatalogMapping.Config)).ToList(),
            CreatedAt = catalog.CreatedAt,
            UpdatedAt = catalog.UpdatedAt,
            Metadata = catalog.Metadata,
            CustomerType = catalog.CustomerType,
            Locale = catalog.Locale,
            IsDefault = catalog.IsDefault,
        };
    }
}
