using Connect.Catalog.Contracts;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offerings</c>: the acting key is recorded as the creation's <c>changedBy</c>.</summary>
internal static class CreateOfferingEndpoint
{
    public static void MapCreateOffering(this IEndpointRouteBuilder app) =>
        app.MapPost("/product-offerings", (CreateOffering body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId() }), "/product-offerings/{0}", o => o.ProductOfferingId)).Produces<ProductOffering>(201);
}
