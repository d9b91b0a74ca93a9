using Marten;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Api.Idempotency;

/// <summary>An answer as it is kept and replayed.</summary>
internal sealed record KeptAnswer(int Status, string? ContentType, string? ETag, string? Location, byte[] Body);

/// <summary>What claiming a key found.</summary>
internal abstract record Claim
{
    /// <summary>The key is this request's: run it, then complete or release with the token.</summary>
    public sealed record Owned(Guid Token) : Claim;

    /// <summary>The same request ran already: answer what it answered.</summary>
    public sealed record Replay(KeptAnswer Answer) : Claim;

    /// <summary>The same request is still running (on this node or another).</summary>
    public sealed record InUse : Claim;

    /// <summary>The key was used for a different request.</summary>
    public sealed record Mismatch : Claim;
}

/// <summary>
/// Claims, completes and releases keys in PostgreSQL, atomically across nodes: the primary key
/// (API key id, Idempotency-Key) lets one claim win, and an expired record (kept answer past its retention,
/// or a running request past its lease) is taken over in the same statement.
/// </summary>
internal sealed class IdempotencyStore(IDocumentStore store, TimeProvider clock, IdempotencyOptions options)
{
    private const string ClaimSql = $"""
        INSERT INTO {IdempotencyTable.Name} AS r (api_key_id, idempotency_key, fingerprint, token, completed, locked_until, expires_at)
        VALUES (@api_key_id, @key, @fingerprint, @token, false, @locked_until, @expires_at)
        ON CONFLICT (api_key_id, idempotency_key) DO UPDATE SET
            fingerprint = excluded.fingerprint, token = excluded.token, completed = false,
            locked_until = excluded.locked_until, expires_at = excluded.expires_at,
            status_code = NULL, content_type = NULL, etag = NULL, location = NULL, body = NULL
        WHERE r.expires_at <= @now OR (NOT r.completed AND r.locked_until <= @now)
        RETURNING r.token
        """;

    private const string ReadSql = $"""
        SELECT fingerprint, completed, status_code, content_type, etag, location, body
        FROM {IdempotencyTable.Name} WHERE api_key_id = @api_key_id AND idempotency_key = @key
        """;

    private const string CompleteSql = $"""
        UPDATE {IdempotencyTable.Name} SET completed = true, locked_until = NULL, expires_at = @expires_at,
            status_code = @status_code, content_type = @content_type, etag = @etag, location = @location, body = @body
        WHERE api_key_id = @api_key_id AND idempotency_key = @key AND token = @token
        """;

    private const string ReleaseSql =
        $"DELETE FROM {IdempotencyTable.Name} WHERE api_key_id = @api_key_id AND idempotency_key = @key AND token = @token";

    public async Task<Claim> ClaimAsync(string apiKeyId, string key, byte[] fingerprint, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // A record released between our insert and our read is simply claimed on the next round.
        for (var round = 0; round < 3; round++)
        {
            var now = clock.GetUtcNow();
            var token = Guid.NewGuid();
            await using (var claim = Command(connection, ClaimSql, apiKeyId, key))
            {
                claim.Parameters.AddWithValue("fingerprint", fingerprint);
                claim.Parameters.AddWithValue("token", token);
                claim.Parameters.AddWithValue("now", now);
                claim.Parameters.AddWithValue("locked_until", now + options.InProgressLease);
                claim.Parameters.AddWithValue("expires_at", now + options.Retention);
                if (await claim.ExecuteScalarAsync(cancellationToken) is Guid won && won == token)
                    return new Claim.Owned(token);
            }

            await using var read = Command(connection, ReadSql, apiKeyId, key);
            await using var row = await read.ExecuteReaderAsync(cancellationToken);
            if (!await row.ReadAsync(cancellationToken)) continue;
            if (!row.GetFieldValue<byte[]>(0).AsSpan().SequenceEqual(fingerprint)) return new Claim.Mismatch();
            if (!row.GetBoolean(1)) return new Claim.InUse();
            return new Claim.Replay(new KeptAnswer(row.GetInt32(2), Text(row, 3), Text(row, 4), Text(row, 5), row.GetFieldValue<byte[]>(6)));
        }
        return new Claim.InUse();
    }

    /// <summary>Keeps the answer for the retention period (unless the lease was lost to a later request meanwhile).</summary>
    public async Task CompleteAsync(string apiKeyId, string key, Guid token, KeptAnswer answer)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var complete = Command(connection, CompleteSql, apiKeyId, key);
        complete.Parameters.AddWithValue("token", token);
        complete.Parameters.AddWithValue("expires_at", clock.GetUtcNow() + options.Retention);
        complete.Parameters.AddWithValue("status_code", answer.Status);
        complete.Parameters.Add(new NpgsqlParameter("content_type", NpgsqlDbType.Text) { Value = (object?)answer.ContentType ?? DBNull.Value });
        complete.Parameters.Add(new NpgsqlParameter("etag", NpgsqlDbType.Text) { Value = (object?)answer.ETag ?? DBNull.Value });
        complete.Parameters.Add(new NpgsqlParameter("location", NpgsqlDbType.Text) { Value = (object?)answer.Location ?? DBNull.Value });
        complete.Parameters.AddWithValue("body", answer.Body);
        await complete.ExecuteNonQueryAsync();
    }

    /// <summary>Frees the key so that a retry runs the request again.</summary>
    public async Task ReleaseAsync(string apiKeyId, string key, Guid token)
    {
        await using var connection = await OpenAsync(CancellationToken.None);
        await using var release = Command(connection, ReleaseSql, apiKeyId, key);
        release.Parameters.AddWithValue("token", token);
        await release.ExecuteNonQueryAsync();
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, string apiKeyId, string key)
    {
        var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("api_key_id", apiKeyId);
        command.Parameters.AddWithValue("key", key);
        return command;
    }

    private static string? Text(NpgsqlDataReader row, int ordinal) => row.IsDBNull(ordinal) ? null : row.GetString(ordinal);
}
