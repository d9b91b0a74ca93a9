using System.Security.Cryptography;
using System.Text;

namespace Connect.Identity.Domain;

/// <summary>Makes and hashes key material. Keys carry 256 bits of entropy behind a scannable prefix.</summary>
internal static class ApiKeySecrets
{
    public const string Prefix = "ck_";

    /// <summary>Hex SHA-256 of the whole key; a key is high-entropy, so a fast hash is the right tool.</summary>
    public static string Hash(string key) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));

    public static string NewKey(string keyId) =>
        $"{Prefix}{keyId}_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))}";

    /// <summary>Cheap shape check before any lookup: printable ASCII, sane length.</summary>
    public static bool LooksLikeAKey(string? key) =>
        key is { Length: >= 8 and <= 256 } && key.All(c => c is > ' ' and < (char)127);
}
