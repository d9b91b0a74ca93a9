using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features.Catalogs;

internal sealed class GetCatalogHandler(CatalogReader reader) : IQueryHandler<GetProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetProductCatalog query, CancellationToken cancellationToken) =>
        (await reader.CatalogAsync(query.ProductCatalogId, query.PromoCode, cancellationToken))?.Value;
}

internal sealed class GetDefaultCatalogHandler(CatalogReader reader) : IQueryHandler<GetDefaultProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetDefaultProductCatalog query, CancellationToken cancellationToken) =>
        (await reader.DefaultCatalogAsync(query.CustomerType, query.Locale, query.PromoCode, cancellationToken))?.Value;
}

/// <summary><c>GET /product-catalogs/{id}</c>: <see cref="GetProductCatalog"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetProductCatalogRendering(string ProductCatalogId, string? PromoCode) : IQuery<JsonRendering<ProductCatalog>?>;

/// <summary><c>GET /product-catalogs/default</c>: <see cref="GetDefaultProductCatalog"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetDefaultProductCatalogRendering(CustomerType CustomerType, string Locale, string? PromoCode)
    : IQuery<JsonRendering<ProductCatalog>?>;

internal sealed class GetCatalogRenderingHandler(CatalogReader reader) :
    IQueryHandler<GetProductCatalogRendering, JsonRendering<ProductCatalog>?>,
    IQueryHandler<GetDefaultProductCatalogRendering, JsonRendering<ProductCatalog>?>
{
    public async ValueTask<JsonRendering<ProductCatalog>?> Handle(GetProductCatalogRendering query, CancellationToken cancellationToken) =>
        await reader.CatalogAsync(query.ProductCatalogId, query.PromoCode, cancellationToken);

    public async ValueTask<JsonRendering<ProductCatalog>?> Handle(GetDefaultProductCatalogRendering query, CancellationToken cancellationToken) =>
        await reader.DefaultCatalogAsync(query.CustomerType, query.Locale, query.PromoCode, cancellationToken);
}

internal sealed class ListCatalogsHandler(IQuerySession session, CatalogAssembler assembler)
    : IQueryHandler<ListProductCatalogs, Page<ProductCatalog>>
{
    public async ValueTask<Page<ProductCatalog>> Handle(ListProductCatalogs query, CancellationToken cancellationToken)
    {
        var (catalogs, total) = await session.PageAsync<CatalogDocument>(
            q => q.OrderBy(c => c.Name).ThenBy(c => c.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<ProductCatalog>(await assembler.Summarize(catalogs, cancellationToken), total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
