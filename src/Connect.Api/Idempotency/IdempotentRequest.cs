using System.Security.Cryptography;
using System.Text;

namespace Connect.Api.Idempotency;

/// <summary>The <c>Idempotency-Key</c> header and what makes two requests "the same".</summary>
internal static class IdempotentRequest
{
    public const string KeyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 255;

    /// <summary>1–255 visible ASCII characters (no spaces, no control characters).</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~');

    /// <summary>SHA-256 of method, path, query and body: what a repeat must match to be replayed.</summary>
    public static async Task<byte[]> FingerprintAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        // Buffered so the endpoint reads the same body after us; the host's body size limit still applies.
        request.EnableBuffering();
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Head(request.Method, request.PathBase + request.Path, request.QueryString.Value));
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
            hash.AppendData(buffer, 0, read);
        request.Body.Position = 0;
        return hash.GetHashAndReset();
    }

    /// <summary>The same fingerprint for a request described by its parts (tests, tools).</summary>
    public static byte[] Fingerprint(string method, string pathAndQuery, byte[] body)
    {
        var query = pathAndQuery.IndexOf('?', StringComparison.Ordinal);
        var head = query < 0 ? Head(method, pathAndQuery, null) : Head(method, pathAndQuery[..query], pathAndQuery[query..]);
        return SHA256.HashData([.. head, .. body]);
    }

    private static byte[] Head(string method, string path, string? query) =>
        Encoding.UTF8.GetBytes($"{method.ToUpperInvariant()}\n{path}{query}\n");
}
