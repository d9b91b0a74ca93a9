using Marten;
using Marten.Services;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// Something a module does about changes of the log (another module's changes, typically), from a stored position:
/// a crash between a change's commit and the reaction loses nothing, the reaction happens after the restart.
/// </summary>
public interface IChangeReaction
{
    /// <summary>The reaction's name: the key of its stored position; never change it once it has run.</summary>
    string Name { get; }

    /// <summary>The resource types it reacts to (the position moves past the others).</summary>
    IReadOnlyList<string> ResourceTypes { get; }

    /// <summary>Reacts to one change; its database effects go through <paramref name="session"/>.</summary>
    Task ApplyAsync(CatalogChange change, IDocumentSession session, CancellationToken cancellationToken);
}

/// <summary>
/// Runs every <see cref="IChangeReaction"/> exactly once per change across all nodes: each batch runs in one
/// transaction that first takes the reaction's transaction-scoped lock (a node finding it taken leaves the batch
/// to the node holding it), reads the stored position, applies the reaction's effects and moves the position, and
/// commits all of that together. Woken by every commit this node hears of, and every second in any case.
/// </summary>
internal sealed class ChangeReactions(
    IServiceScopeFactory scopes, IDocumentStore store, ChangeSignal signal, ChangeReactionsSwitch running, ChangeReactionsMetrics metrics,
    ILogger<ChangeReactions> logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var next = signal.NextAsync();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var reactions = scope.ServiceProvider.GetServices<IChangeReaction>().ToList();
                foreach (var reaction in reactions)
                    while (running.Enabled && await RunBatchAsync(reaction, stoppingToken)) { }
                await metrics.RefreshAsync(store, reactions.ConvertAll(r => r.Name), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Reacting to the change log failed; retrying in a second");
            }
            try { await Task.WhenAny(next, Task.Delay(TimeSpan.FromSeconds(1), stoppingToken)); }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>One batch of one reaction; true when there may be more to do right away.</summary>
    private async Task<bool> RunBatchAsync(IChangeReaction reaction, CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (!await ScalarAsync<bool>(connection, transaction, "SELECT pg_try_advisory_xact_lock(hashtextextended(@name, 0))", reaction.Name, cancellationToken))
            return false;
        var position = await ScalarAsync<long>(connection, transaction,
            // A position beyond the log's end can only mean the log was emptied (tests reset the data): start over.
            $"""
            INSERT INTO {ChangeLogTable.CheckpointsName} (name, position) VALUES (@name, 0)
            ON CONFLICT (name) DO UPDATE SET position = least({ChangeLogTable.CheckpointsName}.position, (SELECT coalesce(max(sequence), 0) FROM {ChangeLogTable.Name}))
            RETURNING position
            """,
            reaction.Name, cancellationToken);
        var page = await ChangeFeed.ReadAsync(connection, transaction, new ChangeQuery(position, BatchSize, reaction.ResourceTypes, null, []), cancellationToken);
        if (page.Next == position) return false;

        await using (var session = store.LightweightSession(SessionOptions.ForTransaction(transaction)))
        {
            foreach (var change in page.Items)
                await reaction.ApplyAsync(change, session, cancellationToken);
            await session.SaveChangesAsync(cancellationToken);
        }
        await using (var move = new NpgsqlCommand($"UPDATE {ChangeLogTable.CheckpointsName} SET position = @position WHERE name = @name", connection, transaction))
        {
            move.Parameters.AddWithValue("position", page.Next);
            move.Parameters.AddWithValue("name", reaction.Name);
            await move.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return page.HasMore;
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, string name,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("name", name);
        return (T)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}

/// <summary>
/// Whether this node runs the log's reactions (<c>Connect:ChangeLog:RunReactions</c>, default true). Other nodes run
/// them when this one does not; tests turn it off to stand for a node that died between a commit and its reaction.
/// </summary>
internal sealed class ChangeReactionsSwitch
{
    public const string ConfigurationKey = "Connect:ChangeLog:RunReactions";

    public volatile bool Enabled = true;
}
