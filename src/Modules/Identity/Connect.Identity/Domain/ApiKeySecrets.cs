using System.Security.Cryptography;
using System.Text;

namespace Connect.Identity.Domain;

/// <summary>
/// Makes, parses and checks key material. A key is <c>ck_{id}_{64 hex}</c>: a prefix secret scanners can find,
/// the key id (so the stored key is found by id, not by searching hashes) and 256 random bits.
/// </summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "ck_";

    /// <summary>Hex SHA-256 of the whole key; a key is high-entropy, so a fast hash is the right tool.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewId() => Guid.NewGuid().ToString("N");

    public static string NewKey(string keyId) =>
        $"{Prefix}{keyId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>The id part of a generated key (<c>ck_{id}_{secret}</c>), or null for any other shape.</summary>
    public static string? IdOf(string key)
    {
        if (!key.StartsWith(Prefix, StringComparison.Ordinal)) return null;
        var end = key.IndexOf('_', Prefix.Length);
        return end > Prefix.Length ? key[Prefix.Length..end] : null;
    }

    /// <summary>Compares the presented key's hash with the stored one in constant time.</summary>
    public static bool Matches(string presentedKeyHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(presentedKeyHash), Encoding.ASCII.GetBytes(storedHash));

    /// <summary>Cheap shape check before any lookup: printable ASCII, sane length.</summary>
    public static bool LooksLikeAKey(string? key) =>
        key is { Length: >= 8 and <= 256 } && key.All(c => c is > ' ' and < (char)127);
}
