using Connect.SharedKernel.Paging;
using Connect.Webhooks.Domain;
using FluentValidation;
using Marten;
using Mediator;
using Npgsql;

namespace Connect.Webhooks.Features;

internal sealed record ListDeliveries(string WebhookId, int Limit, int Offset) : IQuery<Page<DeliveryAttempt>?>;

/// <summary>One attempt to deliver one change (spec §8).</summary>
internal sealed record DeliveryAttempt(long Sequence, int Attempt, DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs, DateTimeOffset? NextAttemptAt);

internal sealed class ListDeliveriesValidator : AbstractValidator<ListDeliveries>
{
    public ListDeliveriesValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListDeliveriesHandler(IQuerySession session, IDocumentStore store) : IQueryHandler<ListDeliveries, Page<DeliveryAttempt>?>
{
    private const string PageSql = $"""
        SELECT sequence, attempt, attempted_at, status_code, error, duration_ms, next_attempt_at, count(*) OVER ()
        FROM {WebhookTables.Deliveries} WHERE webhook_id = @id ORDER BY id DESC LIMIT @limit OFFSET @offset
        """;

    public async ValueTask<Page<DeliveryAttempt>?> Handle(ListDeliveries query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<WebhookDocument>(query.WebhookId, cancellationToken) is null) return null;
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(PageSql, connection);
        command.Parameters.AddWithValue("id", query.WebhookId);
        command.Parameters.AddWithValue("limit", query.Limit);
        command.Parameters.AddWithValue("offset", query.Offset);
        var items = new List<DeliveryAttempt>();
        long total = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            total = reader.GetInt64(7);
            items.Add(new DeliveryAttempt(reader.GetInt64(0), reader.GetInt32(1), reader.GetFieldValue<DateTimeOffset>(2),
                reader.IsDBNull(3) ? null : reader.GetInt32(3), reader.IsDBNull(4) ? null : reader.GetString(4), reader.GetInt32(5),
                reader.IsDBNull(6) ? null : reader.GetFieldValue<DateTimeOffset>(6)));
        }
        if (items.Count == 0 && query.Offset > 0)
        {
            // Past the end: the total still has to be told.
            await reader.CloseAsync();
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM {WebhookTables.Deliveries} WHERE webhook_id = @id", connection);
            count.Parameters.AddWithValue("id", query.WebhookId);
            total = (long)(await count.ExecuteScalarAsync(cancellationToken))!;
        }
        return new Page<DeliveryAttempt>(items, total, query.Limit, query.Offset, "attemptedAt", SortDirection.Desc);
    }
}
