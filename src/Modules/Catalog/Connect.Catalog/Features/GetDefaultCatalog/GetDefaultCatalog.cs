using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Domain;
using Mediator;

namespace Connect.Catalog.Features;

internal sealed class GetDefaultCatalogHandler(CatalogReader reader) : IQueryHandler<GetDefaultProductCatalog, ProductCatalog?>
{
    public async ValueTask<ProductCatalog?> Handle(GetDefaultProductCatalog query, CancellationToken cancellationToken) =>
        (await reader.DefaultCatalogAsync(query.CustomerType, query.Locale, query.PromoCode, cancellationToken))?.Value;
}

/// <summary><c>GET /product-catalogs/default</c>: <see cref="GetDefaultProductCatalog"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetDefaultProductCatalogRendering(CustomerType CustomerType, string Locale, string? PromoCode)
    : IQuery<JsonRendering<ProductCatalog>?>;

internal sealed class GetDefaultCatalogRenderingHandler(CatalogReader reader)
    : IQueryHandler<GetDefaultProductCatalogRendering, JsonRendering<ProductCatalog>?>
{
    public async ValueTask<JsonRendering<ProductCatalog>?> Handle(GetDefaultProductCatalogRendering query, CancellationToken cancellationToken) =>
        await reader.DefaultCatalogAsync(query.CustomerType, query.Locale, query.PromoCode, cancellationToken);
}
