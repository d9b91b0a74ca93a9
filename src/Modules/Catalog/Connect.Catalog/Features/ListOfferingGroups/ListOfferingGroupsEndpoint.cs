using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offering-groups</c>: groups by name, paged.</summary>
internal static class ListOfferingGroupsEndpoint
{
    public static void MapListOfferingGroups(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offering-groups", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListProductOfferingGroups(limit, offset)));
            })
            .Produces<ListResponse<ProductOfferingGroup>>();
}
