using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Catalog.Reading;
using Mediator;

namespace Connect.Catalog.Features;

internal sealed class GetOfferingHandler(CatalogReader reader) : IQueryHandler<GetProductOffering, ProductOffering?>
{
    public async ValueTask<ProductOffering?> Handle(GetProductOffering query, CancellationToken cancellationToken) =>
        (await reader.OfferingAsync(query.ProductOfferingId, query.PromoCode, cancellationToken))?.Value;
}

/// <summary><c>GET /product-offerings/{id}</c>: <see cref="GetProductOffering"/> with the bytes and ETag it is sent with.</summary>
internal sealed record GetProductOfferingRendering(string ProductOfferingId, string? PromoCode) : IQuery<JsonRendering<ProductOffering>?>;

internal sealed class GetOfferingRenderingHandler(CatalogReader reader) : IQueryHandler<GetProductOfferingRendering, JsonRendering<ProductOffering>?>
{
    public async ValueTask<JsonRendering<ProductOffering>?> Handle(GetProductOfferingRendering query, CancellationToken cancellationToken) =>
        await reader.OfferingAsync(query.ProductOfferingId, query.PromoCode, cancellationToken);
}
