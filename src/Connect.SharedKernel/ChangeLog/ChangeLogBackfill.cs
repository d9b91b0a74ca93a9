using System.Text.Json;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>A module's resources that have no entry in the log yet (stored before the log existed), as they read now.</summary>
public interface IChangeLogBackfill
{
    /// <param name="logged">Resources that already have their first entry, as (resource type, id).</param>
    /// <param name="cancellationToken">Cancels the reads.</param>
    Task<IReadOnlyList<BackfillEntry>> MissingAsync(IReadOnlySet<(string Type, string Id)> logged, CancellationToken cancellationToken);
}

/// <summary>A resource's creation entry, made from its stored state: <paramref name="CreatedAt"/> is its own createdAt.</summary>
public sealed record BackfillEntry(string ResourceType, string ResourceId, DateTimeOffset CreatedAt, object Representation);

/// <summary>
/// An existing database upgrades in place: at start, before the node serves, every resource without an entry gets a
/// CREATED entry from its stored state, oldest first, under the log's lock (so two nodes starting together write
/// them once). Status events already stored keep their streams and order; the offering's status history reads them.
/// </summary>
internal sealed class ChangeLogBackfillOnStart(
    IServiceScopeFactory scopes, IDocumentStore store, IOptions<JsonOptions> json, ChangeSignal signal, ILogger<ChangeLogBackfillOnStart> logger)
    : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockLog = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({ChangeRecorder.LockKey})", connection, transaction))
            await lockLog.ExecuteNonQueryAsync(cancellationToken);

        var logged = new HashSet<(string, string)>();
        await using (var read = new NpgsqlCommand($"SELECT resource_type, resource_id FROM {ChangeLogTable.Name} WHERE version = 1", connection, transaction))
        await using (var reader = await read.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                logged.Add((reader.GetString(0), reader.GetString(1)));

        await using var scope = scopes.CreateAsyncScope();
        var missing = new List<BackfillEntry>();
        foreach (var backfill in scope.ServiceProvider.GetServices<IChangeLogBackfill>())
            missing.AddRange(await backfill.MissingAsync(logged, cancellationToken));
        if (missing.Count == 0) return;

        var entries = missing.OrderBy(e => e.CreatedAt).ThenBy(e => e.ResourceType, StringComparer.Ordinal).ThenBy(e => e.ResourceId, StringComparer.Ordinal)
            .Select(e => new PendingChange(e.ResourceType, e.ResourceId, ChangeKinds.Created,
                JsonSerializer.SerializeToUtf8Bytes(e.Representation, e.Representation.GetType(), json.Value.SerializerOptions),
                "system", null, e.CreatedAt))
            .ToList();
        var written = await ChangeRecorder.WriteAsync(connection, transaction, entries, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        signal.Heard(written);
        logger.LogInformation("Change log: wrote creation entries for {Count} resources stored before the log", entries.Count);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
