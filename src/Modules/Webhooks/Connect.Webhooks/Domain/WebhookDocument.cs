namespace Connect.Webhooks.Domain;

/// <summary>A webhook as stored (schema <c>webhooks</c>). Its delivery progress lives in <see cref="WebhookTables"/>.</summary>
internal sealed class WebhookDocument
{
    public string Id { get; set; } = "";
    public string Url { get; set; } = "";
    public List<string> ResourceTypes { get; set; } = [];
    public string? Description { get; set; }
    public bool Enabled { get; set; } = true;
    public string? DisabledReason { get; set; }

    /// <summary>The signing secret, sealed by <see cref="WebhookSecrets"/>; never part of an answer or an event.</summary>
    public string SealedSecret { get; set; } = "";

    /// <summary>Whether the creating key held <c>pricing:write</c>: only then are promo code changes delivered.</summary>
    public bool ReceivesPromoCodes { get; set; }

    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>The webhook's event stream; prefixed because every module's streams share one table.</summary>
    public static string StreamKey(string webhookId) => "webhook:" + webhookId;

    /// <summary>The log types it is sent: its own list (empty = all), less promo codes unless its creator may see them.</summary>
    public IReadOnlyList<string> Hidden => ReceivesPromoCodes ? [] : [SharedKernel.ChangeLog.ResourceTypes.PromoCode];

    public Webhook ToContract(long? backlog = null) => new()
    {
        WebhookId = Id, Url = Url, ResourceTypes = ResourceTypes, Description = Description, Enabled = Enabled,
        DisabledReason = DisabledReason, CreatedAt = CreatedAt, UpdatedAt = UpdatedAt, Backlog = backlog,
    };
}

/// <summary>A webhook as answered (spec §8): never its secret.</summary>
internal sealed record Webhook
{
    public required string WebhookId { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> ResourceTypes { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; }
    public string? DisabledReason { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>Changes it is to receive that it has not received yet (on a single webhook's answer only).</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public long? Backlog { get; init; }
}

/// <summary>The answer to <c>POST /webhooks</c>: the webhook and, this once, its secret.</summary>
internal sealed record CreatedWebhook
{
    public required string WebhookId { get; init; }
    public required string Url { get; init; }
    public required IReadOnlyList<string> ResourceTypes { get; init; }
    public string? Description { get; init; }
    public bool Enabled { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public required string Secret { get; init; }

    /// <summary>The webhook as a GET shows it right after its creation: no secret, nothing to deliver yet.</summary>
    public Webhook AsWebhook() => new()
    {
        WebhookId = WebhookId, Url = Url, ResourceTypes = ResourceTypes, Description = Description, Enabled = Enabled,
        CreatedAt = CreatedAt, UpdatedAt = CreatedAt, Backlog = 0,
    };
}

/// <summary>First event of a webhook's stream (what it was made with, never its secret).</summary>
internal sealed record WebhookCreated(string WebhookId, string Url, IReadOnlyList<string> ResourceTypes, string? Description,
    DateTimeOffset OccurredAt, string ChangedBy);

/// <summary>Its settings changed (the fields named, with their values after).</summary>
internal sealed record WebhookUpdated(string WebhookId, string Url, IReadOnlyList<string> ResourceTypes, string? Description, bool Enabled,
    IReadOnlyList<string> Fields, DateTimeOffset OccurredAt, string ChangedBy);

/// <summary>Deliveries failed for the whole failure window: the webhook was disabled.</summary>
internal sealed record WebhookDisabled(string WebhookId, string Reason, DateTimeOffset OccurredAt);

/// <summary>The webhook was deleted; deliveries stopped.</summary>
internal sealed record WebhookDeleted(string WebhookId, DateTimeOffset OccurredAt, string ChangedBy);
