using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Identity.Features;

/// <summary><c>POST /api-keys</c>: the only answer that carries a key, shown once.</summary>
internal static class CreateApiKeyEndpoint
{
    public static void MapCreateApiKey(this IEndpointRouteBuilder app) =>
        app.MapPost("", (CreateApiKey body, HttpContext http, ISender sender) =>
            {
                var caller = new CallerLimits([.. http.User.FindAll(ConnectClaims.Scope).Select(c => c.Value)], ActingKeyRateLimit.Of(http));
                http.Response.Headers.CacheControl = "no-store"; // the only response that carries a key
                return Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId(), Caller = caller }), "/api-keys/{0}", k => k.ApiKeyId);
            })
            .ShowsSecretOnce()
            .Produces<CreatedApiKey>(201);
}
