using System.Globalization;
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
/// 401 body, so a caller learns nothing about which it was (spec §1). Validated keys come from
/// <see cref="ApiKeyCache"/>; past the limit of wrong keys from one address, its wrong keys get 429.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IQuerySession session, ApiKeyCache cache, FailedAuthenticationLimiter failures, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    private const string ThrottledItem = "connect:authentication-throttled";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!Request.Headers.TryGetValue(HeaderName, out var values) || values.Count == 0)
            return AuthenticateResult.NoResult();

        // Every key goes the same way (hash, cache, one query by hash), valid or not, whatever its shape, so a
        // failure takes as long as any other failure.
        var key = values.ToString();
        var stored = await cache.FindAsync(key, session, Context.RequestAborted);
        if (values.Count != 1 || !ApiKeySecrets.LooksLikeAKey(key) || stored is null || !stored.IsUsableAt(clock.GetUtcNow()))
        {
            // Only a request with a wrong key is ever refused for failures from its address (spec §1).
            if (failures.RecordFailure(Context.Connection.RemoteIpAddress) is { } retryAfter)
            {
                Context.Items[ThrottledItem] = retryAfter;
                return AuthenticateResult.Fail("too many failed attempts");
            }
            return AuthenticateResult.Fail("invalid key");
        }

        var claims = new List<Claim>
        {
            new(ConnectClaims.ApiKeyId, stored.Id),
            new(ClaimTypes.Name, stored.Name),
            new(ConnectClaims.CustomerType, stored.CustomerType.ToString()),
            new(ConnectClaims.Locale, stored.Locale),
        };
        if (stored.ExpiresAt is { } expiresAt)
            claims.Add(new Claim(ConnectClaims.ExpiresAt, expiresAt.ToString("O", CultureInfo.InvariantCulture)));
        if (stored.RateLimit is { } limit)
            claims.Add(new Claim(ConnectClaims.RateLimit, KeyRateLimiting.Format(limit)));
        claims.AddRange(stored.Scopes.Select(s => new Claim(ConnectClaims.Scope, s)));
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        if (Context.Items[ThrottledItem] is TimeSpan retryAfter)
        {
            Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return Problems.WriteAsync(Context, Problems.Create(Context, 429, "rate_limited", "Too many requests",
                "Too many requests with an invalid API key from this address; try again later."));
        }
        Response.Headers.WWWAuthenticate = SchemeName;
        return Problems.WriteAsync(Context, Problems.Create(Context, 401, "unauthorized", "Unauthorized",
            "A valid API key is required in the X-Api-Key header."));
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        Problems.WriteAsync(Context, Problems.Create(Context, 403, "forbidden", "Forbidden",
            "The API key does not have the scope this operation requires."));
}
