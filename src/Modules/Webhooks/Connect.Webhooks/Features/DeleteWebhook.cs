using Connect.Webhooks.Domain;
using Marten;
using Mediator;

namespace Connect.Webhooks.Features;

/// <summary><c>DELETE /webhooks/{id}</c>: deliveries stop; the webhook's stream keeps its history. False when there is no such webhook.</summary>
internal sealed record DeleteWebhook(string WebhookId, string ChangedBy) : ICommand<bool>;

internal sealed class DeleteWebhookHandler(IDocumentSession session, TimeProvider clock) : ICommandHandler<DeleteWebhook, bool>
{
    public async ValueTask<bool> Handle(DeleteWebhook command, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<WebhookDocument>(command.WebhookId, cancellationToken) is null) return false;
        session.Delete<WebhookDocument>(command.WebhookId);
        session.Events.Append(WebhookDocument.StreamKey(command.WebhookId), new WebhookDeleted(command.WebhookId, clock.GetUtcNow(), command.ChangedBy));
        // A delivery in flight finds no state row to move and stops.
        session.QueueSqlCommand($"DELETE FROM {WebhookTables.State} WHERE webhook_id = ?", command.WebhookId);
        session.QueueSqlCommand($"DELETE FROM {WebhookTables.Deliveries} WHERE webhook_id = ?", command.WebhookId);
        return true;
    }
}
