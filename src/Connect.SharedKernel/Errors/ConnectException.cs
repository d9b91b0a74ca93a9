namespace Connect.SharedKernel.Errors;

/// <summary>An expected failure with a stable machine code; the host maps it to a problem document.</summary>
public abstract class ConnectException(int status, string code, string title, string detail) : Exception(detail)
{
    public int Status { get; } = status;
    public string Code { get; } = code;
    public string Title { get; } = title;

    /// <summary>An optional machine word refining <see cref="Code"/> (e.g. promo code <c>expired</c>).</summary>
    public virtual string? Reason => null;
}

public sealed class NotFoundException(string resource, string id)
    : ConnectException(404, "not_found", "Not found", $"{resource} '{id}' does not exist.");

public sealed class ConflictException(string detail)
    : ConnectException(409, "conflict", "Conflict", detail);

public sealed class PreconditionFailedException(string detail = "If-Match does not match the resource's current ETag. Read it again and retry.")
    : ConnectException(412, "precondition_failed", "Precondition failed", detail);

public sealed record FieldError(string Property, string Message);

public sealed class ValidationFailedException(IReadOnlyList<FieldError> errors)
    : ConnectException(400, "validation_failed", "Validation failed", "The request is not valid; see errors.")
{
    public IReadOnlyList<FieldError> Errors { get; } = errors;

    public ValidationFailedException(string property, string message) : this([new FieldError(property, message)]) { }
}

/// <summary>Too many requests of some kind from this caller; the answer carries <c>Retry-After</c>.</summary>
public sealed class RateLimitedException(TimeSpan retryAfter, string detail)
    : ConnectException(429, "rate_limited", "Too many requests", detail)
{
    public TimeSpan RetryAfter { get; } = retryAfter;
}
