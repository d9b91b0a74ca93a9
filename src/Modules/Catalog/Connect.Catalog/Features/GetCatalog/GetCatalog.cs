using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Catalog.Reading;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-catalogs/{id}</c>: a catalog with its AVAILABLE offerings (priced with the promo code, if any) as the bytes and ETag it is sent with; null when it does not exist.</summary>
internal sealed record GetProductCatalogRendering(string ProductCatalogId, string? PromoCode) : IQuery<JsonRendering<ProductCatalog>?>;

internal sealed class GetCatalogRenderingHandler(CatalogReader reader) : IQueryHandler<GetProductCatalogRendering, JsonRendering<ProductCatalog>?>
{
    public async ValueTask<JsonRendering<ProductCatalog>?> Handle(GetProductCatalogRendering query, CancellationToken cancellationToken) =>
        await reader.CatalogAsync(query.ProductCatalogId, query.PromoCode, cancellationToken);
}
