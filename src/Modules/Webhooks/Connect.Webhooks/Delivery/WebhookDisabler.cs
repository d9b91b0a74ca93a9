using Connect.Webhooks.Domain;
using Marten;

namespace Connect.Webhooks.Delivery;

/// <summary>Turns off a webhook whose deliveries failed for the whole failure window, saying why.</summary>
internal sealed class WebhookDisabler(IDocumentStore store, TimeProvider clock)
{
    public async Task DisableAsync(string webhookId, string reason)
    {
        await using var session = store.LightweightSession();
        if (await session.LoadAsync<WebhookDocument>(webhookId) is not { } webhook) return;
        var now = clock.GetUtcNow();
        webhook.Enabled = false;
        webhook.DisabledReason = reason;
        webhook.UpdatedAt = now;
        session.Store(webhook);
        session.Events.Append(WebhookDocument.StreamKey(webhookId), new WebhookDisabled(webhookId, reason, now));
        session.QueueSqlCommand($"UPDATE {WebhookTables.State} SET enabled = false WHERE webhook_id = ?", webhookId);
        await session.SaveChangesAsync();
    }
}
