using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-catalogs/{id}</c>, or with <c>asOf</c> the catalog as it read then.</summary>
internal static class GetCatalogEndpoint
{
    public static void MapGetCatalog(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-catalogs/{productCatalogId}", async (string productCatalogId, string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
                AsOfReads.Instant(http) is { } at
                    ? AsOfReads.Answer(http, await history.CatalogAsync(productCatalogId, at, promoCode, http.RequestAborted), "Product catalog", productCatalogId)
                    : JsonRendering.Respond(http, await sender.Send(new GetProductCatalogRendering(productCatalogId, promoCode)), "Product catalog", productCatalogId))
            .Produces<ProductCatalog>();
}
