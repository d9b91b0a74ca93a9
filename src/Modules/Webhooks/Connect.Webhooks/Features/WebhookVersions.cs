using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Marten;

namespace Connect.Webhooks.Features;

/// <summary>The start of every change to a webhook: load it with its stream's version, then check the caller's conditions (412).</summary>
internal static class WebhookVersions
{
    public static async Task<(WebhookDocument? Webhook, long Version)> LoadCheckedAsync(IDocumentSession session, string webhookId,
        Preconditions preconditions, System.Text.Json.JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<WebhookDocument>(webhookId, cancellationToken) is not { } webhook) return (null, 0);
        var stream = await session.Events.FetchStreamStateAsync(WebhookDocument.StreamKey(webhookId), cancellationToken);
        if (!preconditions.IsEmpty) WebhookETags.OnSettings(preconditions).Check(WebhookETags.Settings(webhook.ToContract(), options));
        return (webhook, stream?.Version ?? 0);
    }
}
