using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>GET /api-keys/{id}</c>.</summary>
internal static class GetApiKeyEndpoint
{
    public static void MapGetApiKey(this IEndpointRouteBuilder app) =>
        app.MapGet("/{apiKeyId}", async (string apiKeyId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetApiKey(apiKeyId)), "API key", apiKeyId)).Produces<ApiKeyInfo>();
}
