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
