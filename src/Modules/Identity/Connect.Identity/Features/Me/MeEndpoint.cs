using System.Globalization;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>GET /me</c> (any valid key): the calling key as the service sees it (scopes, customer context, expiry, rate limit).</summary>
internal static class MeEndpoint
{
    public static void MapMe(this IEndpointRouteBuilder app) =>
        app.MapGet("/me", (HttpContext http) =>
            {
                var user = http.User;
                return Results.Json(new Me
                {
                    ApiKeyId = user.GetApiKeyId(),
                    Name = user.Identity?.Name ?? "",
                    Scopes = user.FindAll(ConnectClaims.Scope).Select(c => c.Value).ToList(),
                    CustomerContext = user.GetCustomerContext(),
                    ExpiresAt = user.FindFirst(ConnectClaims.ExpiresAt)?.Value is { } expires
                        ? DateTimeOffset.Parse(expires, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)
                        : null,
                    RateLimit = ActingKeyRateLimit.Of(http),
                }, Respond.JsonOptions(http));
            })
            .RequireAuthorization(IdentityModule.AnyKeyPolicy).WithTags("Identity").Produces<Me>();
}
