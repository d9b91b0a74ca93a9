using System.Text.Json;
using Connect.SharedKernel.Messaging;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;
using NpgsqlTypes;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// Writes the command's changes into the log in the command's own transaction, after every other statement of it
/// and just before COMMIT: it takes one transaction-scoped lock, so entries are numbered in commit order without
/// gaps (a rolled-back transaction never took a number), and a reader that sees an entry can already see every
/// entry before it. The lock is held only for these inserts and the commit. Versions, and the fields that
/// changed, are computed from the resource's previous entry; an UPDATED entry that changes nothing is not written.
/// </summary>
public sealed class ChangeRecorder(IDocumentSession session, IActor actor, IOptions<JsonOptions> json, ChangeSignal signal)
    : ITransactionParticipant
{
    /// <summary>The advisory lock that orders the log ("connect.changes").</summary>
    internal const long LockKey = 0x636f6e6e6563_7401;

    private const string InsertSql = $"""
        INSERT INTO {ChangeLogTable.Name} (sequence, occurred_at, resource_type, resource_id, change, version, changed_by, reason, fields, resource)
        SELECT (SELECT coalesce(max(sequence), 0) + 1 FROM {ChangeLogTable.Name}), @occurred_at, @resource_type, @resource_id, @change,
               coalesce(previous.version, 0) + 1, @changed_by, @reason,
               (SELECT coalesce(jsonb_agg(now.key ORDER BY now.key), '[]'::jsonb) FROM jsonb_each(@resource::jsonb) now
                 WHERE previous.resource IS NULL OR previous.resource::jsonb -> now.key IS DISTINCT FROM now.value),
               @resource
        FROM (SELECT 1) one
        LEFT JOIN LATERAL (SELECT version, resource FROM {ChangeLogTable.Name}
                           WHERE resource_type = @resource_type AND resource_id = @resource_id
                           ORDER BY version DESC LIMIT 1) previous ON true
        WHERE NOT (@change = 'UPDATED' AND previous.resource::jsonb IS NOT DISTINCT FROM @resource::jsonb)
        RETURNING sequence
        """;

    private readonly List<PendingChange> _pending = [];
    private long _written;

    /// <summary>
    /// Logs that the resource changed and how it reads now (the representation its GET answers, written with the
    /// API's JSON conventions). Nothing is written unless the command's unit of work commits.
    /// </summary>
    public void Record(string resourceType, string resourceId, string change, object representation, DateTimeOffset occurredAt,
        string? reason = null, string? changedBy = null)
    {
        if (_pending.Count == 0 && session is ITransactionParticipantRegistrar registrar)
            registrar.AddTransactionParticipant(this);
        _pending.Add(new PendingChange(resourceType, resourceId, change,
            JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), json.Value.SerializerOptions),
            changedBy ?? actor.Id, reason, occurredAt));
    }

    public async Task BeforeCommitAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken token) =>
        _written = _pending.Count == 0 ? 0 : await WriteAsync(connection, transaction, _pending, token);

    /// <summary>Writes the entries under the log's lock, in the caller's transaction; the highest position written (0: none).</summary>
    internal static async Task<long> WriteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, IReadOnlyList<PendingChange> entries,
        CancellationToken token)
    {
        long written = 0;
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SELECT pg_advisory_xact_lock({LockKey})"));
        foreach (var entry in entries)
        {
            var insert = new NpgsqlBatchCommand(InsertSql);
            insert.Parameters.AddWithValue("occurred_at", entry.OccurredAt);
            insert.Parameters.AddWithValue("resource_type", entry.ResourceType);
            insert.Parameters.AddWithValue("resource_id", entry.ResourceId);
            insert.Parameters.AddWithValue("change", entry.Change);
            insert.Parameters.AddWithValue("changed_by", entry.ChangedBy);
            insert.Parameters.AddWithValue("reason", (object?)entry.Reason ?? DBNull.Value);
            insert.Parameters.Add(new NpgsqlParameter("resource", NpgsqlDbType.Text) { Value = System.Text.Encoding.UTF8.GetString(entry.Resource) });
            batch.BatchCommands.Add(insert);
        }
        batch.BatchCommands.Add(new NpgsqlBatchCommand(
            $"SELECT pg_notify('{ChangeSignal.Channel}', coalesce(max(sequence), 0)::text) FROM {ChangeLogTable.Name}"));
        await using var reader = await batch.ExecuteReaderAsync(token);
        do
        {
            while (await reader.ReadAsync(token))
                if (reader.GetFieldType(0) == typeof(long)) written = Math.Max(written, reader.GetInt64(0));
        } while (await reader.NextResultAsync(token));
        return written;
    }

    public Task AfterCommitAsync(CancellationToken token)
    {
        _pending.Clear();
        if (_written > 0) signal.Heard(_written);
        return Task.CompletedTask;
    }
}

/// <summary>An entry waiting for its transaction to commit.</summary>
internal sealed record PendingChange(string ResourceType, string ResourceId, string Change, byte[] Resource, string ChangedBy, string? Reason,
    DateTimeOffset OccurredAt);
