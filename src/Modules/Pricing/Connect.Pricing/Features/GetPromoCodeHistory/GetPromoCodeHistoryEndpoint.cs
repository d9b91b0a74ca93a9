using Connect.Pricing.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Features;

/// <summary><c>GET /promo-codes/{code}/history</c>.</summary>
internal static class GetPromoCodeHistoryEndpoint
{
    public static void MapGetPromoCodeHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/{code}/history", async (string code, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetPromoCodeHistory(code)), "Promo code", code))
            .Produces<PromoCodeHistory>();
}
