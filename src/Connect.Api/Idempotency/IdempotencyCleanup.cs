using Marten;
using Npgsql;

namespace Connect.Api.Idempotency;

/// <summary>
/// Deletes records past their retention. Every node runs it, but a transaction-scoped advisory lock lets one
/// node at a time do the work; the others skip that round. Expired records are also taken over when their key
/// is used again, so this only keeps the table small.
/// </summary>
internal sealed class IdempotencyCleanup(IDocumentStore store, TimeProvider clock, IdempotencyOptions options,
    ILogger<IdempotencyCleanup> logger) : BackgroundService
{
    // Any fixed number shared by every node; advisory locks are per database.
    private const long LockKey = 0x1de3_707e_0001;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await Task.Delay(options.CleanupInterval, clock, stoppingToken); }
            catch (OperationCanceledException) { break; }
            try { await CleanupAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Idempotency cleanup failed ({Error}); retrying later", ex.GetType().Name);
            }
        }
    }

    /// <summary>Deletes expired records; null when another node holds the cleanup lock.</summary>
    public async Task<int?> CleanupAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var tryLock = new NpgsqlCommand("SELECT pg_try_advisory_xact_lock(@lock)", connection, transaction))
        {
            tryLock.Parameters.AddWithValue("lock", LockKey);
            if (await tryLock.ExecuteScalarAsync(cancellationToken) is not true) return null;
        }
        await using var delete = new NpgsqlCommand($"DELETE FROM {IdempotencyTable.Name} WHERE expires_at <= @now", connection, transaction);
        delete.Parameters.AddWithValue("now", clock.GetUtcNow());
        var deleted = await delete.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency records", deleted);
        return deleted;
    }
}
