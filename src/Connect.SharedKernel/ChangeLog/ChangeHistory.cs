using Marten;
using Npgsql;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// Resources as they read at a past instant, from the log: for each, the representation of its last entry whose
/// <c>occurredAt</c> (compared to the millisecond, as times are written) is at or before the instant.
/// </summary>
public sealed class ChangeHistory(IDocumentStore store)
{
    private const string StateSql = $"""
        SELECT DISTINCT ON (resource_type, resource_id) resource_type, resource_id, resource
        FROM {ChangeLogTable.Name}
        WHERE resource_type = @type AND (@ids::text[] IS NULL OR resource_id = ANY(@ids))
          AND date_trunc('milliseconds', occurred_at) <= @at
        ORDER BY resource_type, resource_id, sequence DESC
        """;

    /// <summary>The given resources of one type as they read at <paramref name="at"/> (absent: did not exist then), by id.</summary>
    public Task<IReadOnlyDictionary<string, string>> AtAsync(string resourceType, IReadOnlyCollection<string> ids, DateTimeOffset at,
        CancellationToken cancellationToken) =>
        ids.Count == 0 ? Task.FromResult<IReadOnlyDictionary<string, string>>(new Dictionary<string, string>()) : ReadAsync(resourceType, [.. ids], at, cancellationToken);

    /// <summary>Every resource of one type that existed at <paramref name="at"/>, as it read then, by id.</summary>
    public Task<IReadOnlyDictionary<string, string>> AllAtAsync(string resourceType, DateTimeOffset at, CancellationToken cancellationToken) =>
        ReadAsync(resourceType, null, at, cancellationToken);

    private async Task<IReadOnlyDictionary<string, string>> ReadAsync(string resourceType, string[]? ids, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(StateSql, connection);
        command.Parameters.AddWithValue("type", resourceType);
        command.Parameters.Add(new NpgsqlParameter("ids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Text) { Value = (object?)ids ?? DBNull.Value });
        command.Parameters.AddWithValue("at", at);
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            found[reader.GetString(1)] = reader.GetString(2);
        return found;
    }
}
