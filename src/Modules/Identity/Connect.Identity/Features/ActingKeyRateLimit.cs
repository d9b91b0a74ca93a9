using Connect.Identity.Authentication;
using Connect.Identity.Contracts;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Features;

/// <summary>The acting key's rate limit as the limiter applies it: its own, or the configured default as it stands now (options reload).</summary>
internal static class ActingKeyRateLimit
{
    public static RateLimitPolicy Of(HttpContext http) =>
        KeyRateLimiting.Policy(http.User, http.RequestServices.GetRequiredService<IOptionsMonitor<IdentityOptions>>().CurrentValue);
}
