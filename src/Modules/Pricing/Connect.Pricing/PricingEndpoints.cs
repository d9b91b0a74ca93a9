using Connect.Identity.Contracts;
using Connect.Pricing.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Pricing;

/// <summary>
/// Promo code management (spec §5, scope <c>pricing:write</c>), one line per use case. The order is the OpenAPI document's order.
/// </summary>
internal static class PricingEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var codes = app.MapGroup("/promo-codes").RequireAuthorization(Scopes.PricingWrite).WithTags("Pricing (promo codes)");
        codes.MapCreatePromoCode();
        codes.MapListPromoCodes();
        codes.MapGetPromoCode();
        codes.MapGetPromoCodeHistory();
        codes.MapDeactivatePromoCode();
    }
}
