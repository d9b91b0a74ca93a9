using Connect.Identity.Contracts;
using Connect.Pricing.Contracts;
using Connect.Pricing.Features.PromoCodes;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing.Http;

/// <summary>Promo code management (spec §5, scope <c>pricing:write</c>).</summary>
internal static class PricingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var codes = app.MapGroup("/promo-codes").RequireAuthorization(Scopes.PricingWrite).WithTags("Pricing (promo codes)");
        codes.MapPost("", (CreatePromoCode body, HttpContext http, ISender sender) =>
                Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId() }), "/promo-codes/{0}", c => c.Code))
            .Produces<PromoCode>(201);
        codes.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListPromoCodes(limit, offset)));
            })
            .Produces<ListResponse<PromoCode>>();
        codes.MapGet("/{code}", async (string code, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetPromoCode(code)), "Promo code", code))
            .Produces<PromoCode>();
        codes.MapGet("/{code}/history", async (string code, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetPromoCodeHistory(code)), "Promo code", code))
            .Produces<PromoCodeHistory>();
        codes.MapPost("/{code}/deactivate", async (string code,
                    [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] DeactivatePromoCode? body, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send((body ?? new DeactivatePromoCode()) with
                {
                    Code = code, ChangedBy = http.User.GetApiKeyId(), Preconditions = Preconditions.Of(http.Request),
                }), "Promo code", code))
            .Produces<PromoCode>();
    }
}
