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

    public bool IsUsableAt(DateTimeOffset now) => RevokedAt is null && (ExpiresAt is null || ExpiresAt > now);
}
