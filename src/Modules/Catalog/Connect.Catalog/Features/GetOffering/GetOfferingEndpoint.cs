using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offerings/{id}</c>, or with <c>asOf</c> the offering as it read then.</summary>
internal static class GetOfferingEndpoint
{
    public static void MapGetOffering(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offerings/{productOfferingId}", async (string productOfferingId, string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
                AsOfReads.Instant(http) is { } at
                    ? AsOfReads.Answer(http, await history.OfferingAsync(productOfferingId, at, promoCode, http.RequestAborted), "Product offering", productOfferingId)
                    : JsonRendering.Respond(http, await sender.Send(new GetProductOfferingRendering(productOfferingId, promoCode)), "Product offering", productOfferingId))
            .Produces<ProductOffering>();
}
