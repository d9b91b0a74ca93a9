using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /products</c>.</summary>
internal static class CreateProductEndpoint
{
    public static void MapCreateProduct(this IEndpointRouteBuilder app) =>
        app.MapPost("/products", (CreateProduct body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), $"/products/{{0}}", p => p.ProductId)).Produces<Product>(201);
}
