using Connect.Identity.Contracts;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Features;

/// <summary><c>POST /promo-codes</c>.</summary>
internal static class CreatePromoCodeEndpoint
{
    public static void MapCreatePromoCode(this IEndpointRouteBuilder app) =>
        app.MapPost("", (CreatePromoCode body, HttpContext http, ISender sender) =>
                Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId() }), "/promo-codes/{0}", c => c.Code))
            .Produces<PromoCode>(201);
}
