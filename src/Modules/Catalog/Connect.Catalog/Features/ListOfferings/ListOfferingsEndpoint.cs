using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offerings</c>: filtered, sorted and paged (spec §3).</summary>
internal static class ListOfferingsEndpoint
{
    public static void MapListOfferings(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offerings", async (HttpContext http, ISender sender, CatalogReadModel model) =>
            {
                var page = await sender.Send(OfferingListParsing.OfferingList(http.Request.Query, Caller.Context(http).CustomerType));
                return Answer(http, page, model);
            })
            .Produces<ListResponse<ProductOffering>>();

    /// <summary>A page of offerings: those shown as the snapshot rendered them are sent as those bytes; any other is written now.</summary>
    public static IResult Answer(HttpContext http, Page<ProductOffering> page, CatalogReadModel model)
    {
        var snapshot = model.Latest;
        return Respond.List(http, page, o => snapshot?.Offering(o.ProductOfferingId)?.RenderingOf(o)?.Body);
    }
}
