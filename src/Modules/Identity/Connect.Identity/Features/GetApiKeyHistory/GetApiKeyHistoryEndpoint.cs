using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>GET /api-keys/{id}/history</c>.</summary>
internal static class GetApiKeyHistoryEndpoint
{
    public static void MapGetApiKeyHistory(this IEndpointRouteBuilder app) =>
        app.MapGet("/{apiKeyId}/history", async (string apiKeyId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetApiKeyHistory(apiKeyId)), "API key", apiKeyId)).Produces<ApiKeyHistory>();
}
