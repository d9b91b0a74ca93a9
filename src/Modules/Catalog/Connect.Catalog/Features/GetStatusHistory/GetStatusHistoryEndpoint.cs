using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offerings/{id}/status-history</c>.</summary>
internal static class GetStatusHistoryEndpoint
{
    public static void MapGetStatusHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offerings/{productOfferingId}/status-history", async (string productOfferingId, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetProductOfferingStatusHistory(productOfferingId)), "Product offering", productOfferingId))
            .Produces<ProductOfferingStatusHistory>();
}
