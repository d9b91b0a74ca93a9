namespace Connect.Identity;

/// <summary>Configuration section <c>Connect:Identity</c>.</summary>
internal sealed class IdentityOptions
{
    public const string Section = "Connect:Identity";

    /// <summary>How long a validated key is trusted from memory while revocations are heard (LISTEN/NOTIFY). 0 turns the cache off.</summary>
    public int KeyCacheSeconds { get; set; } = 60;

    /// <summary>Sustained requests per second per key.</summary>
    public int PermitsPerSecond { get; set; } = 100;

    /// <summary>Requests a key may send at once after a quiet period.</summary>
    public int Burst { get; set; } = 200;

    /// <summary>Requests with a wrong key allowed per client address per minute; beyond it, 429 until the minute is over.</summary>
    public int FailedAuthenticationsPerMinute { get; set; } = 30;

    /// <summary>Longest lifetime of a key made with <c>POST /api-keys</c>; a create without <c>expiresAt</c> or beyond it → 400. 0: no limit.</summary>
    public int MaxKeyLifetimeDays { get; set; }

    /// <summary>How often expired keys are written to their audit trail.</summary>
    public int ExpirySweepSeconds { get; set; } = 60;
}
