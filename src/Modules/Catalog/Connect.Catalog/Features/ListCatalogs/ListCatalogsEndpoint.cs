using Connect.Catalog.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-catalogs</c>: catalogs by name, paged, without their offerings.</summary>
internal static class ListCatalogsEndpoint
{
    public static void MapListCatalogs(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-catalogs", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListProductCatalogs(limit, offset)));
            })
            .Produces<ListResponse<ProductCatalog>>();
}
