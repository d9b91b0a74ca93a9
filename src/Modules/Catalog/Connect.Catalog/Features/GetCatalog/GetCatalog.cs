using Connect.Catalog.Contracts;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Http;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A catalog by id with its AVAILABLE offerings; null when it does not exist.</summary>
/// <param name="ProductCatalogId">The catalog's id.</param>
/// <param name="PromoCode">Optional promo code.</param>
internal sealed record GetProductCatalog(string ProductCatalogId, string? PromoCode = null) : IQuery<ProductCatalog?>;

internal sealed class GetCatalogHandler(CatalogReader reader) : IQueryHandler<GetProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetProductCatalog query, CancellationToken cancellationToken) =>
        (await reader.CatalogAsync(query.ProductCatalogId, query.PromoCode, cancellationToken))?.Value;
}

/// <summary><c>GET /product-catalogs/{id}</c>: <see cref="GetProductCatalog"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetProductCatalogRendering(string ProductCatalogId, string? PromoCode) : IQuery<JsonRendering<ProductCatalog>?>;

internal sealed class GetCatalogRenderingHandler(CatalogReader reader) : IQueryHandler<GetProductCatalogRendering, JsonRendering<ProductCatalog>?>
{
    public async ValueTask<JsonRendering<ProductCatalog>?> Handle(GetProductCatalogRendering query, CancellationToken cancellationToken) =>
        await reader.CatalogAsync(query.ProductCatalogId, query.PromoCode, cancellationToken);
}
