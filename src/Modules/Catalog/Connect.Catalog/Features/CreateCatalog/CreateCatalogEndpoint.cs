using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-catalogs</c>.</summary>
internal static class CreateCatalogEndpoint
{
    public static void MapCreateCatalog(this IEndpointRouteBuilder app) =>
        app.MapPost("/product-catalogs", (CreateCatalog body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), "/product-catalogs/{0}", c => c.ProductCatalogId)).Produces<ProductCatalog>(201);
}
