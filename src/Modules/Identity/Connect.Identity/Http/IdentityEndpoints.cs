using System.Globalization;
using Connect.Identity.Authentication;
using Connect.Identity.Contracts;
using Connect.Identity.Features.ApiKeys;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Http;

/// <summary>Key management (spec §5, scope <c>keys:admin</c>) and <c>GET /me</c> (any valid key).</summary>
internal static class IdentityEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
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
                    RateLimit = KeyRateLimiting.Policy(user, Options(http)),
                }, Respond.JsonOptions(http));
            })
            .RequireAuthorization(IdentityModule.AnyKeyPolicy).WithTags("Identity").Produces<Me>();

        var keys = app.MapGroup("/api-keys").RequireAuthorization(Scopes.KeysAdmin).WithTags("Identity (API keys)");
        keys.MapPost("", (CreateApiKey body, HttpContext http, ISender sender) =>
            {
                var caller = new CallerLimits(
                    [.. http.User.FindAll(ConnectClaims.Scope).Select(c => c.Value)], KeyRateLimiting.Policy(http.User, Options(http)));
                http.Response.Headers.CacheControl = "no-store"; // the only response that carries a key
                return Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId(), Caller = caller }), "/api-keys/{0}", k => k.ApiKeyId);
            })
            .ShowsSecretOnce()
            .Produces<CreatedApiKey>(201);
        keys.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListApiKeys(limit, offset)));
            })
            .Produces<ListResponse<ApiKeyInfo>>();
        keys.MapGet("/{apiKeyId}", async (string apiKeyId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetApiKey(apiKeyId)), "API key", apiKeyId)).Produces<ApiKeyInfo>();
        keys.MapGet("/{apiKeyId}/history", async (string apiKeyId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetApiKeyHistory(apiKeyId)), "API key", apiKeyId)).Produces<ApiKeyHistory>();
        keys.MapPost("/{apiKeyId}/revoke", async (string apiKeyId,
                [FromBody(EmptyBodyBehavior = EmptyBodyBehavior.Allow)] RevokeApiKey? body, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send((body ?? new RevokeApiKey()) with
                {
                    ApiKeyId = apiKeyId, ChangedBy = http.User.GetApiKeyId(), Preconditions = Preconditions.Of(http.Request),
                }), "API key", apiKeyId))
            .Produces<ApiKeyInfo>();
    }

    private static IdentityOptions Options(HttpContext http) =>
        http.RequestServices.GetRequiredService<IOptionsMonitor<IdentityOptions>>().CurrentValue;
}
