namespace Connect.Api.Idempotency;

/// <summary>Configuration section <c>Connect:Idempotency</c>: how long answers to <c>Idempotency-Key</c> writes are kept.</summary>
internal sealed class IdempotencyOptions
{
    public const string Section = "Connect:Idempotency";

    /// <summary>How long a kept answer is replayed; afterwards the key may be used again.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// How long a request that is still running holds its key (a repeat meanwhile gets 409). A node that died
    /// mid-request leaves its key held this long at most; then the next repeat runs the request.
    /// </summary>
    public TimeSpan InProgressLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often expired records are deleted (one node at a time).</summary>
    public TimeSpan CleanupInterval { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Largest answer kept (bytes); a larger one is not kept, like a 5xx.</summary>
    public int MaxKeptAnswerBytes { get; set; } = 4 * 1024 * 1024;
}
