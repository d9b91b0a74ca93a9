using Microsoft.AspNetCore.Builder;

namespace Connect.SharedKernel.Http;

/// <summary>
/// Marks an endpoint whose success answer shows a secret once (a new API key, a webhook secret). Such an answer
/// is never stored anywhere, so a repeated <c>Idempotency-Key</c> request cannot replay it.
/// </summary>
public sealed class SecretAnswer
{
    public static readonly SecretAnswer Instance = new();

    private SecretAnswer() { }
}

public static class SecretAnswerExtensions
{
    /// <summary>The endpoint's success answer carries a secret shown only this once.</summary>
    public static TBuilder ShowsSecretOnce<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(SecretAnswer.Instance);
}
