using System.Globalization;
using System.Threading.RateLimiting;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Authentication;

/// <summary>
/// One token bucket per API key (<see cref="KeyTokenBucket"/>): <see cref="IdentityOptions.PermitsPerSecond"/> sustained,
/// <see cref="IdentityOptions.Burst"/> at once; beyond it a 429 problem with <c>Retry-After</c>. Requests without a
/// valid key are not counted here (authentication answers them, and <see cref="FailedAuthenticationLimiter"/> slows guessing).
/// </summary>
internal static class KeyRateLimiting
{
    /// <summary>The caller's policy: its key's own, else the configured default.</summary>
    public static RateLimitPolicy Policy(System.Security.Claims.ClaimsPrincipal user, IdentityOptions options) =>
        Parse(user.FindFirst(ConnectClaims.RateLimit)?.Value)
        ?? new RateLimitPolicy(Math.Max(1, options.PermitsPerSecond), Math.Max(1, options.Burst));

    public static string Format(RateLimitPolicy policy) =>
        string.Create(CultureInfo.InvariantCulture, $"{policy.PermitsPerSecond}/{policy.Burst}");

    private static RateLimitPolicy? Parse(string? value) =>
        value?.Split('/') is [var perSecond, var burst]
        && int.TryParse(perSecond, CultureInfo.InvariantCulture, out var p) && int.TryParse(burst, CultureInfo.InvariantCulture, out var b)
            ? new RateLimitPolicy(p, b)
            : null;

    public static void Configure(RateLimiterOptions limiter, IOptionsMonitor<IdentityOptions> options, TimeProvider clock)
    {
        limiter.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
            http.User.FindFirst(ConnectClaims.ApiKeyId)?.Value is { } keyId
                // The partition is made on the key's first request, from the policy it carries then.
                ? RateLimitPartition.Get(keyId, _ => new KeyTokenBucket(Policy(http.User, options.CurrentValue), clock))
                : RateLimitPartition.GetNoLimiter("no key"));
        limiter.OnRejected = (context, _) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromSeconds(1);
            context.HttpContext.Response.Headers.RetryAfter =
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            return new ValueTask(Problems.WriteAsync(context.HttpContext, Problems.Create(context.HttpContext, 429, "rate_limited",
                "Too many requests", "This API key has exceeded its rate limit; see Retry-After.")));
        };
    }
}
