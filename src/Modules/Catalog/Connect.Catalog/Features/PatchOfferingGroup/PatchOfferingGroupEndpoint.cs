using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-offering-groups/{id}</c>.</summary>
internal static class PatchOfferingGroupEndpoint
{
    public static void MapPatchOfferingGroup(this IEndpointRouteBuilder app) =>
        app.MapPatch("/product-offering-groups/{productOfferingGroupId}", (string productOfferingGroupId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchOfferingGroup(productOfferingGroupId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductOfferingGroup>();
}
