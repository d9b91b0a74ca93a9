using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ReadAsOf;
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
                var query = Query(http);
                return Answer(http, query, await sender.Send(query), model);
            })
            .Produces<ListResponse<ProductOffering>>();

    /// <summary>The list's filters, sort, paging and instant (<c>asOf</c>) from the query string.</summary>
    public static ListProductOfferings Query(HttpContext http) =>
        OfferingListParsing.OfferingList(http.Request.Query, Caller.Context(http).CustomerType) with { AsOf = AsOfReads.Instant(http) };

    /// <summary>
    /// A page of offerings. Live, those shown as the snapshot rendered them are sent as those bytes and any other is
    /// written now; as of an instant, with a strong ETag that stays the same for that instant.
    /// </summary>
    public static IResult Answer(HttpContext http, ListProductOfferings query, Page<ProductOffering> page, CatalogReadModel model)
    {
        if (query.AsOf is not null) return AsOfReads.Answer(http, Respond.ListBody(http, page, _ => null));
        var snapshot = model.Latest;
        return Respond.List(http, page, o => snapshot?.Offering(o.ProductOfferingId)?.RenderingOf(o)?.Body);
    }
}
