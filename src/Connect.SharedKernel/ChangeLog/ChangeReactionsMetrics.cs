using System.Diagnostics.Metrics;
using Marten;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// How far each change reaction has run (<c>connect.change_reactions.position</c>) and how many log entries it is
/// behind the head (<c>connect.change_reactions.lag</c>), tagged <c>reaction</c>. The positions are stored and shared
/// by every node, so each node reads them after each pass of <see cref="ChangeReactions"/>, whichever node ran it.
/// </summary>
internal sealed class ChangeReactionsMetrics
{
    public const string MeterName = "Connect.ChangeLog";

    private const string ProgressSql = $"""
        SELECT c.name, c.position, h.head
        FROM (SELECT coalesce(max(sequence), 0) AS head FROM {ChangeLogTable.Name}) h
        LEFT JOIN {ChangeLogTable.CheckpointsName} c ON true
        """;

    private volatile IReadOnlyDictionary<string, (long Position, long Head)> _progress = new Dictionary<string, (long, long)>();

    public ChangeReactionsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        meter.CreateObservableGauge("connect.change_reactions.position", () => Observe(p => p.Position),
            "{entry}", "The log position up to which the reaction has run");
        meter.CreateObservableGauge("connect.change_reactions.lag", () => Observe(p => Math.Max(0, p.Head - p.Position)),
            "{entry}", "Log entries after the reaction's position");
    }

    private IEnumerable<Measurement<long>> Observe(Func<(long Position, long Head), long> value) =>
        _progress.Select(p => new Measurement<long>(value(p.Value), new KeyValuePair<string, object?>("reaction", p.Key)));

    /// <summary>Reads the stored positions of <paramref name="reactions"/> (0 for one that never ran) and the log head.</summary>
    internal async Task RefreshAsync(IDocumentStore store, IReadOnlyCollection<string> reactions, CancellationToken cancellationToken)
    {
        if (reactions.Count == 0) return;
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new Npgsql.NpgsqlCommand(ProgressSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var stored = new Dictionary<string, long>(StringComparer.Ordinal);
        long head = 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            head = reader.GetInt64(2);
            if (!reader.IsDBNull(0)) stored[reader.GetString(0)] = reader.GetInt64(1);
        }
        _progress = reactions.ToDictionary(name => name, name => (stored.GetValueOrDefault(name), head), StringComparer.Ordinal);
    }
}
