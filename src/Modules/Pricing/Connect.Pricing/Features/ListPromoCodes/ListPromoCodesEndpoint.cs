using Connect.Pricing.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Features;

/// <summary><c>GET /promo-codes</c>: newest first, paged.</summary>
internal static class ListPromoCodesEndpoint
{
    public static void MapListPromoCodes(this IEndpointRouteBuilder app) =>
        app.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListPromoCodes(limit, offset)));
            })
            .Produces<ListResponse<PromoCode>>();
}
