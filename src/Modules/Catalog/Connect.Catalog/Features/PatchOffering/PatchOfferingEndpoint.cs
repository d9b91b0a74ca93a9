using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-offerings/{id}</c>.</summary>
internal static class PatchOfferingEndpoint
{
    public static void MapPatchOffering(this IEndpointRouteBuilder app) =>
        app.MapPatch("/product-offerings/{productOfferingId}", (string productOfferingId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchOffering(productOfferingId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductOffering>();
}
