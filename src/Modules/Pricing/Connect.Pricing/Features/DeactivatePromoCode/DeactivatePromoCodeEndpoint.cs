using Connect.Identity.Contracts;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Features;

/// <summary><c>POST /promo-codes/{code}/deactivate</c>: the body (a reason) is optional.</summary>
internal static class DeactivatePromoCodeEndpoint
{
    public static void MapDeactivatePromoCode(this IEndpointRouteBuilder app) =>
        app.MapPost("/{code}/deactivate", async (string code,
                    [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeactivatePromoCode? body, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send((body ?? new DeactivatePromoCode()) with
                {
                    Code = code, ChangedBy = http.User.GetApiKeyId(), Preconditions = Preconditions.Of(http.Request),
                }), "Promo code", code))
            .Produces<PromoCode>();
}
