using Connect.SharedKernel.Errors;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.Reading;

/// <summary>
/// The published catalog in memory, for every read of offerings and catalogs. The whole catalog is one immutable
/// <see cref="CatalogSnapshot"/>, swapped atomically, so a reader never sees half of a change. It is loaded once,
/// then follows the change log: any committed catalog change (<see cref="CatalogChanges"/>) makes the next read (or
/// the writer, or the NOTIFY from another node) apply the log entries after the snapshot's position, re-reading
/// just the resources they name, and every reader arriving meanwhile waits for that same step. A snapshot brought
/// up to date before a known change is never trusted after it, and while changes from other nodes are not heard,
/// the log is looked at again for any read once the last look is a second old.
/// </summary>
internal sealed class CatalogReadModel(CatalogChanges changes, CatalogStep step, ILogger<CatalogReadModel> logger)
{
    private static readonly TimeSpan UnheardMaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private volatile CatalogSnapshot? _current;
    private Task<CatalogSnapshot>? _reading;
    private Task<CatalogSnapshot>? _queued;
    private long _readingGeneration;
    private long _readingHeard;
    private long _readingStartedAt;
    private volatile Unreachable? _unreachable;

    /// <summary>When a look at the log last failed for want of a database, and the generation it failed at.</summary>
    private sealed record Unreachable(long At, long Generation);

    public ValueTask<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is not null && (IsCurrent(snapshot) || ServableWhileUnreachable(snapshot))) return ValueTask.FromResult(snapshot);
        return new ValueTask<CatalogSnapshot>(ReadOrFallBackAsync(snapshot, cancellationToken));
    }

    /// <summary>
    /// Brings the snapshot up to date with what this node knows committed, for a writer about to answer; a failure
    /// is left to the next read (which answers 503 rather than a snapshot without the write).
    /// </summary>
    public async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        try
        {
            await CurrentAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not apply the change log after a commit; the next read tries again");
        }
    }

    /// <summary>Starts applying what another node committed, unless nothing was ever loaded (the first read loads).</summary>
    public void Wake()
    {
        if (_current is { } snapshot && !IsCurrent(snapshot))
            _ = Read().ContinueWith(t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
    }

    /// <summary>
    /// When bringing the snapshot up to date fails for want of a database (down, or up but out of connections or too slow), reads keep
    /// answering from the last snapshot (availability over freshness) only while it holds every change this node
    /// knows committed, its own or heard from another node; otherwise the failure stands (a 503 with Retry-After)
    /// and the next read tries again. A writer is never answered with the state before its write.
    /// </summary>
    private async Task<CatalogSnapshot> ReadOrFallBackAsync(CatalogSnapshot? last, CancellationToken cancellationToken)
    {
        try
        {
            return await Read().WaitAsync(cancellationToken);
        }
        catch (Exception ex) when (last is not null && HoldsEveryKnownCommit(last) && DatabaseErrors.IsUnreachable(ex))
        {
            _unreachable = new Unreachable(Environment.TickCount64, changes.Generation);
            logger.LogWarning("The database is unreachable; serving the catalog at log position {Position} from memory", last.Position);
            return last;
        }
    }

    private bool HoldsEveryKnownCommit(CatalogSnapshot snapshot) =>
        snapshot.Generation >= changes.LastCommitted && snapshot.Position >= changes.Heard;

    /// <summary>
    /// For a second after a failed look at the log, do not make every request wait for another attempt, unless anything
    /// changed since (a commit means the database is back, and the change must show).
    /// </summary>
    private bool ServableWhileUnreachable(CatalogSnapshot snapshot) =>
        _unreachable is { } unreachable && unreachable.Generation == changes.Generation && HoldsEveryKnownCommit(snapshot) &&
        Environment.TickCount64 - unreachable.At < UnheardMaxAge.TotalMilliseconds;

    /// <summary>The snapshot read last, current or not, for matching an answer to what the snapshot rendered.</summary>
    public CatalogSnapshot? Latest => _current;

    private bool IsCurrent(CatalogSnapshot snapshot) =>
        snapshot.Generation == changes.Generation && snapshot.Position >= changes.Heard && Fresh(snapshot.LoadedAt);

    private bool Fresh(long loadedAt) =>
        changes.ListenerConnected || Environment.TickCount64 - loadedAt < UnheardMaxAge.TotalMilliseconds;

    /// <summary>
    /// One step at a time, each building on the snapshot the one before made. Readers that need what the running one
    /// already covers share it; readers that need something newer (a change committed after it began) share the
    /// single step queued behind it, which takes the generation current when it starts, so at least the one each of
    /// them saw. Under a stream of writes this keeps the cost at one step after another, never overlapping ones.
    /// </summary>
    private Task<CatalogSnapshot> Read()
    {
        lock (_gate)
        {
            if (_reading is { IsCompleted: false } reading)
            {
                if (_readingGeneration == changes.Generation && _readingHeard >= changes.Heard && Fresh(_readingStartedAt)) return reading;
                return _queued ??= reading.ContinueWith(_ => StartQueued(), CancellationToken.None,
                    TaskContinuationOptions.None, TaskScheduler.Default).Unwrap();
            }
            return Start();
        }
    }

    private Task<CatalogSnapshot> StartQueued()
    {
        lock (_gate)
        {
            _queued = null;
            return Start();
        }
    }

    /// <summary>Starts a step at the current generation; called under the gate.</summary>
    private Task<CatalogSnapshot> Start()
    {
        var (generation, heard, unlogged, reload) = changes.Take();
        var startedAt = Environment.TickCount64;
        _readingGeneration = generation;
        _readingHeard = heard;
        _readingStartedAt = startedAt;
        // The step serves every waiting reader, so it does not run on (or get cancelled with) the first one's request.
        using (ExecutionContext.SuppressFlow())
            return _reading = Task.Run(async () =>
            {
                try
                {
                    var snapshot = await step.NextAsync(_current, generation, startedAt, unlogged, reload);
                    changes.LogReadAt(snapshot.Position, heard);
                    return _current = snapshot;
                }
                catch
                {
                    changes.Restore(unlogged, reload);
                    throw;
                }
            });
    }
}
