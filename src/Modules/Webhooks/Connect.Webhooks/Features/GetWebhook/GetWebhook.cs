using Connect.SharedKernel.ChangeLog;
using Connect.Webhooks.Domain;
using Marten;
using Mediator;
using Npgsql;

namespace Connect.Webhooks.Features;

internal sealed record GetWebhook(string WebhookId) : IQuery<Webhook?>;

internal sealed class GetWebhookHandler(IQuerySession session, IDocumentStore store) : IQueryHandler<GetWebhook, Webhook?>
{
    // The changes after the webhook's position that it is sent: what GET /changes would show its creator, filtered by its types.
    private const string BacklogSql = $"""
        SELECT count(*) FROM {ChangeLogTable.Name} c JOIN {WebhookTables.State} s ON s.webhook_id = @id
        WHERE c.sequence > s.position AND (cardinality(@types) = 0 OR c.resource_type = ANY(@types)) AND NOT (c.resource_type = ANY(@hidden))
        """;

    public async ValueTask<Webhook?> Handle(GetWebhook query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<WebhookDocument>(query.WebhookId, cancellationToken) is not { } webhook) return null;
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(BacklogSql, connection);
        command.Parameters.AddWithValue("id", webhook.Id);
        command.Parameters.AddWithValue("types", webhook.ResourceTypes.ToArray());
        command.Parameters.AddWithValue("hidden", webhook.Hidden.ToArray());
        return webhook.ToContract((long)(await command.ExecuteScalarAsync(cancellationToken))!);
    }
}
