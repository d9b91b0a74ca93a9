using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>POST /api-keys/{id}/revoke</c>: the body (a reason) is optional.</summary>
internal static class RevokeApiKeyEndpoint
{
    public static void MapRevokeApiKey(this IEndpointRouteBuilder app) =>
        app.MapPost("/{apiKeyId}/revoke", async (string apiKeyId,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RevokeApiKey? body, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send((body ?? new RevokeApiKey()) with
                {
                    ApiKeyId = apiKeyId, ChangedBy = http.User.GetApiKeyId(), Preconditions = Preconditions.Of(http.Request),
                }), "API key", apiKeyId))
            .Produces<ApiKeyInfo>();
}
