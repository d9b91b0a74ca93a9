using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features.Catalogs;

internal sealed class GetCatalogHandler(IQuerySession session, CatalogAssembler assembler)
    : IQueryHandler<GetProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetProductCatalog query, CancellationToken cancellationToken)
    {
        var catalog = await session.LoadAsync<CatalogDocument>(query.ProductCatalogId, cancellationToken);
        return catalog is null ? null : await assembler.AssembleAsync(catalog, query.PromoCode, cancellationToken);
    }
}

internal sealed class GetDefaultCatalogHandler(IQuerySession session, CatalogAssembler assembler)
    : IQueryHandler<GetDefaultProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetDefaultProductCatalog query, CancellationToken cancellationToken)
    {
        var defaults = await session.Query<CatalogDocument>()
            .Where(c => c.IsDefault && c.CustomerType == query.CustomerType).ToListAsync(cancellationToken);
        var catalog = DefaultCatalogResolver.Pick(defaults, query.Locale);
        return catalog is null ? null : await assembler.AssembleAsync(catalog, query.PromoCode, cancellationToken);
    }
}

internal sealed class ListCatalogsHandler(IQuerySession session, CatalogAssembler assembler)
    : IQueryHandler<ListProductCatalogs, Page<ProductCatalog>>
{
    public async ValueTask<Page<ProductCatalog>> Handle(ListProductCatalogs query, CancellationToken cancellationToken)
    {
        var catalogs = await session.Query<CatalogDocument>()
            .Stats(out QueryStatistics stats)
            .OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Skip(query.Offset).Take(query.Limit)
            .ToListAsync(cancellationToken);
        var items = new List<ProductCatalog>(catalogs.Count);
        foreach (var catalog in catalogs)
            items.Add(await assembler.Summarize(catalog, cancellationToken));
        var total = await PageTotals.TotalAsync(session.Query<CatalogDocument>(), stats, catalogs.Count, query.Offset, cancellationToken);
        return new Page<ProductCatalog>(items, total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
