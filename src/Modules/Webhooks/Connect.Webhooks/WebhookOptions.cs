namespace Connect.Webhooks;

/// <summary>How webhooks are delivered (section <c>Connect:Webhooks</c>); the defaults are those of spec §8.</summary>
internal sealed class WebhookOptions
{
    public const string Section = "Connect:Webhooks";

    /// <summary>Lets URLs reach loopback, private and link-local hosts (local development and tests only).</summary>
    public bool AllowPrivateNetworks { get; set; }

    /// <summary>How long a receiver has to answer one delivery.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>Waits after the 1st, 2nd, ... failed attempt; the last one repeats.</summary>
    public List<TimeSpan> Backoff { get; set; } = [];

    /// <summary>A webhook whose deliveries fail for this long is disabled.</summary>
    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromDays(3);

    /// <summary>Webhooks one node delivers to at the same time (each in order, independently of the others).</summary>
    public int MaxConcurrentWebhooks { get; set; } = 64;

    /// <summary>How often a node looks for work when it hears of no change (retries that fall due, other nodes' leftovers).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Base64 of a 32-byte key that encrypts the stored signing secrets (AES-GCM). Without it, secrets are stored
    /// as given, readable by whoever can read the database.
    /// </summary>
    public string? SecretKey { get; set; }

    public static readonly IReadOnlyList<TimeSpan> DefaultBackoff =
        [TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(2), TimeSpan.FromMinutes(10), TimeSpan.FromHours(1), TimeSpan.FromHours(6)];

    /// <summary>The wait after the <paramref name="attempt"/>-th failed attempt (1-based).</summary>
    public TimeSpan BackoffAfter(int attempt)
    {
        var steps = Backoff.Count > 0 ? Backoff : DefaultBackoff;
        return steps[Math.Clamp(attempt - 1, 0, steps.Count - 1)];
    }
}

/// <summary>
/// Whether this node delivers webhooks (<c>Connect:Webhooks:Deliver</c>, default true); other nodes deliver when
/// this one does not. Tests turn it off to stand for a node that is down.
/// </summary>
internal sealed class WebhookDeliverySwitch
{
    public const string ConfigurationKey = "Connect:Webhooks:Deliver";

    public volatile bool Enabled = true;
}
