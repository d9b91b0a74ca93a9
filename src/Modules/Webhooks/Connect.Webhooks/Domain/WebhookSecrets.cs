using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Connect.Webhooks.Domain;

/// <summary>
/// Signing secrets (<c>whsec_</c> + base64 of 32 random bytes). The service must keep them to sign, so they are
/// stored, sealed with AES-GCM under <c>Connect:Webhooks:SecretKey</c> when that is set (as given otherwise).
/// </summary>
internal sealed class WebhookSecrets(IOptions<WebhookOptions> options)
{
    public const string Prefix = "whsec_";
    private const string Sealed = "aesgcm:";
    private const string Plain = "plain:";

    public static string New() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of a secret: the base64-decoded part after <c>whsec_</c>.</summary>
    public static byte[] SigningKey(string secret) => Convert.FromBase64String(secret[Prefix.Length..]);

    public string Seal(string secret)
    {
        if (Key() is not { } key) return Plain + secret;
        var nonce = RandomNumberGenerator.GetBytes(AesGcm.NonceByteSizes.MaxSize);
        var plaintext = Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[nonce.Length + plaintext.Length + AesGcm.TagByteSizes.MaxSize];
        using var aes = new AesGcm(key, AesGcm.TagByteSizes.MaxSize);
        aes.Encrypt(nonce, plaintext, sealedBytes.AsSpan(nonce.Length, plaintext.Length), sealedBytes.AsSpan(nonce.Length + plaintext.Length));
        nonce.CopyTo(sealedBytes, 0);
        return Sealed + Convert.ToBase64String(sealedBytes);
    }

    public string Unseal(string stored)
    {
        if (stored.StartsWith(Plain, StringComparison.Ordinal)) return stored[Plain.Length..];
        var key = Key() ?? throw new InvalidOperationException("A webhook secret is sealed, but Connect:Webhooks:SecretKey is not set.");
        var sealedBytes = Convert.FromBase64String(stored[Sealed.Length..]);
        var nonceSize = AesGcm.NonceByteSizes.MaxSize;
        var tagSize = AesGcm.TagByteSizes.MaxSize;
        var plaintext = new byte[sealedBytes.Length - nonceSize - tagSize];
        using var aes = new AesGcm(key, tagSize);
        aes.Decrypt(sealedBytes.AsSpan(0, nonceSize), sealedBytes.AsSpan(nonceSize, plaintext.Length), sealedBytes.AsSpan(nonceSize + plaintext.Length), plaintext);
        return Encoding.UTF8.GetString(plaintext);
    }

    private byte[]? Key() => string.IsNullOrWhiteSpace(options.Value.SecretKey) ? null : Convert.FromBase64String(options.Value.SecretKey);
}
