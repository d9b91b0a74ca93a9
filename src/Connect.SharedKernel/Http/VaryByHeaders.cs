namespace Connect.SharedKernel.Http;

/// <summary>
/// Endpoint metadata: request headers the representation depends on besides the key (every key-gated answer
/// already varies by <c>X-Api-Key</c>), written into <c>Vary</c> for caches.
/// </summary>
public sealed class VaryByHeaders(params string[] headers)
{
    public IReadOnlyList<string> Headers { get; } = headers;
}
