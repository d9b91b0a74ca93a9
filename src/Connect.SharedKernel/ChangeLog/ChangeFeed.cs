using System.Text.Json;
using Marten;
using Npgsql;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>One page of the log and where to read on.</summary>
/// <param name="Items">The entries, oldest first.</param>
/// <param name="Next">The position after the last entry this page looked at (also past entries it left out).</param>
/// <param name="HasMore">Whether entries beyond <paramref name="Next"/> matched already.</param>
public sealed record ChangePage(IReadOnlyList<CatalogChange> Items, long Next, bool HasMore);

/// <summary>What a reader of the log asks for.</summary>
/// <param name="After">The position read up to (0: from the first entry).</param>
/// <param name="Limit">At most this many entries.</param>
/// <param name="ResourceTypes">Only these types (empty: all the reader may see).</param>
/// <param name="ResourceId">Only this resource.</param>
/// <param name="Hidden">Types the reader may not see: left out, and read past.</param>
public sealed record ChangeQuery(long After, int Limit, IReadOnlyList<string> ResourceTypes, string? ResourceId, IReadOnlyList<string> Hidden);

/// <summary>Reads the log. Every entry it returns has every entry before it committed (see <see cref="ChangeRecorder"/>).</summary>
public sealed class ChangeFeed(IDocumentStore store, ChangeSignal signal)
{
    private const string PageSql = $"""
        WITH head AS (SELECT coalesce(max(sequence), 0) AS last FROM {ChangeLogTable.Name})
        SELECT c.sequence, c.occurred_at, c.resource_type, c.resource_id, c.change, c.version, c.changed_by, c.reason,
               c.fields::text, c.resource, head.last
        FROM head LEFT JOIN LATERAL (
            SELECT * FROM {ChangeLogTable.Name}
            WHERE sequence > @after
              AND (cardinality(@types) = 0 OR resource_type = ANY(@types))
              AND NOT (resource_type = ANY(@hidden))
              AND (@resource_id::text IS NULL OR resource_id = @resource_id)
            ORDER BY sequence LIMIT @limit) c ON true
        ORDER BY c.sequence
        """;

    /// <summary>One page; with <paramref name="wait"/>, an empty page waits that long for an entry first.</summary>
    public async Task<ChangePage> ReadAsync(ChangeQuery query, TimeSpan wait, CancellationToken cancellationToken)
    {
        var deadline = DateTime.UtcNow + wait;
        while (true)
        {
            var next = signal.NextAsync();
            var page = await ReadOnceAsync(query, cancellationToken);
            var remaining = deadline - DateTime.UtcNow;
            if (page.Items.Count > 0 || remaining <= TimeSpan.Zero) return page;
            // Woken by a commit heard here or from another node; the poll covers a notification that was missed.
            await Task.WhenAny(next, Task.Delay(remaining < TimeSpan.FromSeconds(1) ? remaining : TimeSpan.FromSeconds(1), cancellationToken));
            cancellationToken.ThrowIfCancellationRequested();
        }
    }

    private async Task<ChangePage> ReadOnceAsync(ChangeQuery query, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return await ReadAsync(connection, null, query, cancellationToken);
    }

    /// <summary>One page, read on the caller's connection (and in its transaction, if any).</summary>
    public static async Task<ChangePage> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, ChangeQuery query,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(PageSql, connection, transaction);
        command.Parameters.AddWithValue("after", query.After);
        command.Parameters.AddWithValue("types", query.ResourceTypes.ToArray());
        command.Parameters.AddWithValue("hidden", query.Hidden.ToArray());
        command.Parameters.AddWithValue("resource_id", (object?)query.ResourceId ?? DBNull.Value);
        command.Parameters.AddWithValue("limit", query.Limit + 1);
        var items = new List<CatalogChange>();
        long last = 0;
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                last = reader.GetInt64(10);
                if (reader.IsDBNull(0)) continue;
                items.Add(new CatalogChange(reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetString(3),
                    reader.GetString(4), reader.GetInt64(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7),
                    JsonSerializer.Deserialize<string[]>(reader.GetString(8))!, JsonDocument.Parse(reader.GetString(9)).RootElement.Clone()));
            }
        }
        var hasMore = items.Count > query.Limit;
        if (hasMore) items.RemoveAt(items.Count - 1);
        // A full page ends at its last entry; a short one has seen everything up to the head, matched or not.
        var next = hasMore ? items[^1].Sequence : Math.Max(query.After, last);
        return new ChangePage(items, next, hasMore);
    }
}
