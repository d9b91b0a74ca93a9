using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offering-groups</c>.</summary>
internal static class CreateOfferingGroupEndpoint
{
    public static void MapCreateOfferingGroup(this IEndpointRouteBuilder app) =>
        app.MapPost("/product-offering-groups", (CreateOfferingGroup body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), "/product-offering-groups/{0}", g => g.ProductOfferingGroupId)).Produces<ProductOfferingGroup>(201);
}
