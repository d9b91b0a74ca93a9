using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-catalogs/{id}</c>.</summary>
internal static class PatchCatalogEndpoint
{
    public static void MapPatchCatalog(this IEndpointRouteBuilder app) =>
        app.MapPatch("/product-catalogs/{productCatalogId}", (string productCatalogId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchCatalog(productCatalogId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductCatalog>();
}
