using Connect.Identity.Contracts;
using Connect.Identity.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity;

/// <summary>
/// <c>GET /me</c> (any valid key) and key management (spec §5, scope <c>keys:admin</c>), one line per use case.
/// The order is the OpenAPI document's order.
/// </summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        // Its policy and tag sit in the slice: a group of its own would move it after the health routes in the OpenAPI document.
        app.MapMe();

        var keys = app.MapGroup("/api-keys").RequireAuthorization(Scopes.KeysAdmin).WithTags("Identity (API keys)");
        keys.MapCreateApiKey();
        keys.MapListApiKeys();
        keys.MapGetApiKey();
        keys.MapGetApiKeyHistory();
        keys.MapRevokeApiKey();
    }
}
