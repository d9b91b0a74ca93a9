using Connect.Identity.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Identity.Domain;

/// <summary>An API key as stored: only the SHA-256 of the key, never the key.</summary>
internal sealed class ApiKey
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string KeyHash { get; set; } = "";
    public List<string> Scopes { get; set; } = [];
    public CustomerType CustomerType { get; set; } = CustomerType.Consumer;
    public string Locale { get; set; } = "en-US";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ExpiresAt { get; set; }
    public DateTimeOffset? RevokedAt { get; set; }

    /// <summary>This key's own rate limit; null: the configured default.</summary>
    public RateLimitPolicy? RateLimit { get; set; }

    /// <summary>Set once the expiry has been written to the key's stream.</summary>
    public DateTimeOffset? ExpiryRecordedAt { get; set; }

    /// <summary>The key's event stream; prefixed because every module's streams share one table (see PromoCodeDocument).</summary>
    public static string StreamKey(string apiKeyId) => "apikey:" + apiKeyId;

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);

    public ApiKeyInfo ToInfo() => new()
    {
        ApiKeyId = Id, Name = Name, Scopes = Scopes, CustomerType = CustomerType, Locale = Locale,
        CreatedAt = CreatedAt, ExpiresAt = ExpiresAt, RevokedAt = RevokedAt, RateLimit = RateLimit,
    };
}

/// <summary>First event of a key's stream. What the key may do, never the key.</summary>
internal sealed record ApiKeyCreated(string ApiKeyId, string Name, IReadOnlyList<string> Scopes, CustomerType CustomerType,
    string Locale, DateTimeOffset? ExpiresAt, DateTimeOffset OccurredAt, string ChangedBy);

/// <summary>The key was revoked: it stops working at once.</summary>
internal sealed record ApiKeyRevoked(string ApiKeyId, string? Reason, DateTimeOffset OccurredAt, string ChangedBy);

/// <summary>The key reached its expiry (recorded by the expiry sweep, shortly after).</summary>
internal sealed record ApiKeyExpired(string ApiKeyId, DateTimeOffset ExpiredAt, DateTimeOffset OccurredAt);
