using Connect.Pricing.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Features;

/// <summary><c>GET /promo-codes/{code}</c>.</summary>
internal static class GetPromoCodeEndpoint
{
    public static void MapGetPromoCode(this IEndpointRouteBuilder app) =>
        app.MapGet("/{code}", async (string code, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetPromoCode(code)), "Promo code", code))
            .Produces<PromoCode>();
}
