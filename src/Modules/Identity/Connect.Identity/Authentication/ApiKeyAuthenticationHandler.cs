using System.Security.Claims;
using System.Text.Encodings.Web;
using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Http;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Authentication;

/// <summary>
/// X-Api-Key authentication. Missing, unknown, malformed, revoked and expired keys all end in the same
/// 401 body, so a caller learns nothing about which it was (spec §1).
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IQuerySession session, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
            return AuthenticateResult.NoResult();
        var key = values.ToString();
        if (values.Count != 1 || !ApiKeySecrets.LooksLikeAKey(key))
            return AuthenticateResult.Fail("invalid key");

        var hash = ApiKeySecrets.Hash(key);
        var stored = await session.Query<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, Context.RequestAborted);
        if (stored is null || !stored.IsUsableAt(clock.GetUtcNow()))
            return AuthenticateResult.Fail("invalid key");

        var claims = new List<Claim>
        {
            new(ConnectClaims.ApiKeyId, stored.Id),
            new(ClaimTypes.Name, stored.Name),
            new(ConnectClaims.CustomerType, stored.CustomerType.ToString()),
            new(ConnectClaims.Locale, stored.Locale),
        };
        claims.AddRange(stored.Scopes.Select(s => new Claim(ConnectClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = SchemeName;
        return Problems.WriteAsync(Context, Problems.Create(Context, 401, "unauthorized", "Unauthorized",
            "A valid API key is required in the X-Api-Key header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(Context, 403, "forbidden", "Forbidden",
            "The API key does not have the scope this operation requires."));
}
