using Connect.SharedKernel.Domain;

namespace Connect.Identity.Contracts;

/// <summary>An API key as management shows it: never the key, never its hash.</summary>
public sealed record ApiKeyInfo
{
    /// <summary>The key's id (also the middle part of the key itself).</summary>
    public required string ApiKeyId { get; init; }
    /// <summary>What the operator called it.</summary>
    public required string Name { get; init; }
    /// <summary>What it may do.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>Whose catalog it sees.</summary>
    public required CustomerType CustomerType { get; init; }
    /// <summary>BCP 47 locale of its default catalog.</summary>
    public required string Locale { get; init; }
    /// <summary>When it was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
    /// <summary>When it stops working, if ever.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>When it was revoked, if it was.</summary>
    public DateTimeOffset? RevokedAt { get; init; }
    /// <summary>Its own rate limit; null: the service default.</summary>
    public RateLimitPolicy? RateLimit { get; init; }
}

/// <summary>The answer to a create: the only time the plaintext key is ever shown.</summary>
public sealed record CreatedApiKey
{
    /// <summary>The key's id.</summary>
    public required string ApiKeyId { get; init; }
    /// <summary>The key itself. Store it now; only its hash is kept.</summary>
    public required string Key { get; init; }
    /// <summary>The key's name.</summary>
    public required string Name { get; init; }
    /// <summary>Its scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>Its customer type.</summary>
    public required CustomerType CustomerType { get; init; }
    /// <summary>Its locale.</summary>
    public required string Locale { get; init; }
    /// <summary>Its expiry, if any.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>Its own rate limit; null: the service default.</summary>
    public RateLimitPolicy? RateLimit { get; init; }
    /// <summary>When it was made.</summary>
    public required DateTimeOffset CreatedAt { get; init; }
}

/// <summary>One entry of a key's audit trail (<c>GET /api-keys/{id}/history</c>), oldest first.</summary>
/// <param name="Sequence">1 for the creation.</param>
/// <param name="Change"><c>CREATED</c>, <c>REVOKED</c> or <c>EXPIRED</c>.</param>
/// <param name="OccurredAt">When.</param>
/// <param name="Reason">Why, when given.</param>
/// <param name="ChangedBy">The acting key id (<c>system</c> for an expiry).</param>
public sealed record ApiKeyHistoryEntry(long Sequence, string Change, DateTimeOffset OccurredAt, string? Reason, string ChangedBy);

/// <summary>A key's audit trail.</summary>
/// <param name="Items">Oldest first.</param>
public sealed record ApiKeyHistory(IReadOnlyList<ApiKeyHistoryEntry> Items);

/// <summary>The caller as <c>GET /me</c> shows it.</summary>
public sealed record Me
{
    /// <summary>The key's id.</summary>
    public required string ApiKeyId { get; init; }
    /// <summary>The key's name.</summary>
    public required string Name { get; init; }
    /// <summary>Its scopes.</summary>
    public required IReadOnlyList<string> Scopes { get; init; }
    /// <summary>Its customer context (locale as stored; <c>Accept-Language</c> overrides it per request).</summary>
    public required CustomerContext CustomerContext { get; init; }
    /// <summary>Its expiry, if any.</summary>
    public DateTimeOffset? ExpiresAt { get; init; }
    /// <summary>The rate limit it is held to.</summary>
    public required RateLimitPolicy RateLimit { get; init; }
}

/// <summary>A token bucket: <see cref="PermitsPerSecond"/> sustained, bursts up to <see cref="Burst"/>.</summary>
/// <param name="PermitsPerSecond">Sustained requests per second.</param>
/// <param name="Burst">Requests allowed at once after a quiet period.</param>
public sealed record RateLimitPolicy(int PermitsPerSecond, int Burst);
