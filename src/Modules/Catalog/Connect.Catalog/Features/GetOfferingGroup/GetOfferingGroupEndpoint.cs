using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offering-groups/{id}</c>.</summary>
internal static class GetOfferingGroupEndpoint
{
    public static void MapGetOfferingGroup(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offering-groups/{productOfferingGroupId}", async (string productOfferingGroupId, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetProductOfferingGroup(productOfferingGroupId)), "Product offering group", productOfferingGroupId))
            .Produces<ProductOfferingGroup>();
}
