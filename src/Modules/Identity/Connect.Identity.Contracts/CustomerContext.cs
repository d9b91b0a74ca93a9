using System.Security.Claims;
using Connect.SharedKernel.Domain;

namespace Connect.Identity.Contracts;

/// <summary>Who the caller sells to: the customer type and locale its API key carries (spec §1).</summary>
/// <param name="CustomerType">CONSUMER or BUSINESS.</param>
/// <param name="Locale">BCP 47 locale, e.g. en-US.</param>
public sealed record CustomerContext(CustomerType CustomerType, string Locale);

/// <summary>Claims the Identity module puts on an authenticated caller.</summary>
public static class ConnectClaims
{
    /// <summary>The API key's id (never the key itself).</summary>
    public const string ApiKeyId = "connect:api_key_id";
    /// <summary>The key's customer type.</summary>
    public const string CustomerType = "connect:customer_type";
    /// <summary>The key's locale.</summary>
    public const string Locale = "connect:locale";
    /// <summary>The key's expiry (round-trip format), when it has one.</summary>
    public const string ExpiresAt = "connect:expires_at";
    /// <summary>The key's own rate limit as <c>permitsPerSecond/burst</c>, when it has one.</summary>
    public const string RateLimit = "connect:rate_limit";
    /// <summary>One claim per scope.</summary>
    public const string Scope = "connect:scope";
    /// <summary>The acting key id recorded for in-process work without a caller (demo data, jobs).</summary>
    public const string SystemActor = "system";

    /// <summary>The caller's customer context; <c>Accept-Language</c> is applied by the caller of this method.</summary>
    public static CustomerContext GetCustomerContext(this ClaimsPrincipal user) =>
        new(Enum.TryParse<CustomerType>(user.FindFirstValue(CustomerType), out var type) ? type : SharedKernel.Domain.CustomerType.Consumer,
            user.FindFirstValue(Locale) ?? "en-US");

    /// <summary>The acting API key's id, or "system" for in-process work without a caller.</summary>
    public static string GetApiKeyId(this ClaimsPrincipal? user) => user?.FindFirstValue(ApiKeyId) ?? SystemActor;
}
