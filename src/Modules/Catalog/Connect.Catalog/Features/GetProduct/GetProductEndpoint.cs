using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /products/{id}</c> (management scope: products are not part of the public read surface).</summary>
internal static class GetProductEndpoint
{
    public static void MapGetProduct(this IEndpointRouteBuilder app) =>
        app.MapGet("/products/{productId}", async (string productId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetProduct(productId)), "Product", productId)).Produces<Product>();
}
