using System.Security.Cryptography;
using System.Text;

namespace Connect.Identity.Domain;

/// <summary>
/// Makes, parses and checks key material. A key is <c>ck_{id}_{64 hex}</c>: a prefix secret scanners can find,
/// the key id (so an operator can tell keys apart) and 256 random bits. A stored key is found by its hash alone.
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

    /// <summary>The shape every usable key has: printable ASCII, sane length.</summary>
    public static bool LooksLikeAKey(string? key) =>
        key is { Length: >= 8 and <= 256 } && key.All(c => c is > ' ' and < (char)127);
}
