using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Webhooks.Features;

/// <summary>
/// <c>DELETE /webhooks/{id}</c>: deliveries stop; the webhook's stream keeps its history. False when there is no such webhook.
/// Under <see cref="WebhookETags"/>' conditions, like a PATCH.
/// </summary>
internal sealed record DeleteWebhook(string WebhookId, string ChangedBy, Preconditions Preconditions) : ICommand<bool>;

internal sealed class DeleteWebhookHandler(IDocumentSession session, TimeProvider clock, IOptions<JsonOptions> json) : ICommandHandler<DeleteWebhook, bool>
{
    public async ValueTask<bool> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        var (webhook, version) = await WebhookVersions.LoadCheckedAsync(session, command.WebhookId, command.Preconditions, json.Value.SerializerOptions,
            cancellationToken);
        if (webhook is null) return false;
        session.Delete<WebhookDocument>(command.WebhookId);
        session.Events.Append(WebhookDocument.StreamKey(command.WebhookId), version + 1,
            new WebhookDeleted(command.WebhookId, clock.GetUtcNow(), command.ChangedBy));
        // A delivery in flight finds no state row to move and stops.
        session.QueueSqlCommand($"DELETE FROM {WebhookTables.State} WHERE webhook_id = ?", command.WebhookId);
        session.QueueSqlCommand($"DELETE FROM {WebhookTables.Deliveries} WHERE webhook_id = ?", command.WebhookId);
        return true;
    }
}

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
