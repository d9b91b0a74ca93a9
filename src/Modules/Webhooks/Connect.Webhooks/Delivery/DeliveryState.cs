using Connect.Webhooks.Domain;
using Npgsql;

namespace Connect.Webhooks.Delivery;

/// <summary>A webhook's progress as stored: the position delivered up to and the retry of the change after it.</summary>
internal sealed record DeliveryProgress(long Position, bool Enabled, int Attempts, DateTimeOffset? NextAttemptAt, DateTimeOffset? FailingSince);

/// <summary>
/// The SQL of a webhook's progress, run on the connection that holds its lock. Every write names the position it
/// moves from, so a webhook deleted (or its progress reset) meanwhile stops the worker instead of being written back.
/// </summary>
internal static class DeliveryState
{
    public static async Task<DeliveryProgress?> ReadAsync(NpgsqlConnection connection, string webhookId)
    {
        await using var command = new NpgsqlCommand(
            $"SELECT position, enabled, attempts, next_attempt_at, failing_since FROM {WebhookTables.State} WHERE webhook_id = @id", connection);
        command.Parameters.AddWithValue("id", webhookId);
        await using var reader = await command.ExecuteReaderAsync();
        if (!await reader.ReadAsync()) return null;
        return new DeliveryProgress(reader.GetInt64(0), reader.GetBoolean(1), reader.GetInt32(2),
            reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.IsDBNull(4) ? null : reader.GetFieldValue<DateTimeOffset>(4));
    }

    /// <summary>Moves past changes that do not go to this webhook.</summary>
    public static async Task<bool> SkipAsync(NpgsqlConnection connection, string webhookId, long from, long to)
    {
        await using var command = new NpgsqlCommand(
            $"UPDATE {WebhookTables.State} SET position = @to WHERE webhook_id = @id AND position = @from", connection);
        command.Parameters.AddWithValue("id", webhookId);
        command.Parameters.AddWithValue("from", from);
        command.Parameters.AddWithValue("to", to);
        return await command.ExecuteNonQueryAsync() == 1;
    }

    /// <summary>
    /// Records the attempt and its effect on the progress in one round trip; false when the progress was not where expected
    /// or the webhook has been turned off meanwhile (either way, this worker stops).
    /// </summary>
    public static async Task<bool> RecordAsync(NpgsqlConnection connection, string webhookId, long from, long sequence, int attempt,
        AttemptOutcome outcome, DateTimeOffset? nextAttemptAt, DateTimeOffset? failingSince)
    {
        await using var batch = new NpgsqlBatch(connection);
        var move = new NpgsqlBatchCommand(outcome.Delivered
            ? $"UPDATE {WebhookTables.State} SET position = @sequence, attempts = 0, next_attempt_at = NULL, failing_since = NULL WHERE webhook_id = @id AND position = @from RETURNING enabled"
            : $"UPDATE {WebhookTables.State} SET attempts = @attempt, next_attempt_at = @next, failing_since = @since WHERE webhook_id = @id AND position = @from RETURNING enabled");
        move.Parameters.AddWithValue("id", webhookId);
        move.Parameters.AddWithValue("from", from);
        move.Parameters.AddWithValue("sequence", sequence);
        move.Parameters.AddWithValue("attempt", attempt);
        move.Parameters.AddWithValue("next", (object?)nextAttemptAt ?? DBNull.Value);
        move.Parameters.AddWithValue("since", (object?)failingSince ?? DBNull.Value);
        var record = new NpgsqlBatchCommand(
            $"""
            INSERT INTO {WebhookTables.Deliveries} (webhook_id, sequence, attempt, attempted_at, status_code, error, duration_ms, next_attempt_at)
            SELECT @id, @sequence, @attempt, @at, @status, @error, @duration, @next WHERE EXISTS (SELECT 1 FROM {WebhookTables.State} WHERE webhook_id = @id)
            """);
        record.Parameters.AddWithValue("id", webhookId);
        record.Parameters.AddWithValue("sequence", sequence);
        record.Parameters.AddWithValue("attempt", attempt);
        record.Parameters.AddWithValue("at", outcome.AttemptedAt);
        record.Parameters.AddWithValue("status", (object?)outcome.StatusCode ?? DBNull.Value);
        record.Parameters.AddWithValue("error", (object?)outcome.Error ?? DBNull.Value);
        record.Parameters.AddWithValue("duration", outcome.DurationMs);
        record.Parameters.AddWithValue("next", (object?)nextAttemptAt ?? DBNull.Value);
        batch.BatchCommands.Add(move);
        batch.BatchCommands.Add(record);
        await using var reader = await batch.ExecuteReaderAsync();
        return await reader.ReadAsync() && reader.GetBoolean(0);
    }
}
