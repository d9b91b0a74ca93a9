using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /products/{id}</c>.</summary>
internal static class PatchProductEndpoint
{
    public static void MapPatchProduct(this IEndpointRouteBuilder app) =>
        app.MapPatch("/products/{productId}", (string productId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchProduct(productId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<Product>();
}
