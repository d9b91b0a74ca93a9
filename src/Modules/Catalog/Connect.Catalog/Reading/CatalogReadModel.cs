using System.Data;
using System.Diagnostics;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Services;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Reading;

/// <summary>
/// The published catalog in memory, for every read of offerings and catalogs. The whole catalog is one immutable
/// <see cref="CatalogSnapshot"/>, swapped atomically, so a reader never sees half of a change. Any committed catalog
/// change drops it (<see cref="CatalogChanges"/>); the next read starts one new read of the database and every
/// reader arriving meanwhile waits for that same read. A read that began before a change is never trusted after it,
/// and while changes from other nodes are not heard, no snapshot older than one second is trusted.
/// </summary>
internal sealed class CatalogReadModel(
    CatalogChanges changes, IServiceScopeFactory scopes, IOptions<JsonOptions> json, ILogger<CatalogReadModel> logger)
{
    private static readonly TimeSpan UnheardMaxAge = TimeSpan.FromSeconds(1);

    private readonly Lock _gate = new();
    private volatile CatalogSnapshot? _current;
    private Task<CatalogSnapshot>? _reading;
    private Task<CatalogSnapshot>? _queued;
    private long _readingGeneration;
    private long _readingStartedAt;
    private volatile Unreachable? _unreachable;

    /// <summary>When a re-read last failed for want of a database, and the generation it failed at.</summary>
    private sealed record Unreachable(long At, long Generation);

    public ValueTask<CatalogSnapshot> CurrentAsync(CancellationToken cancellationToken)
    {
        var snapshot = _current;
        if (snapshot is not null && (IsCurrent(snapshot) || ServableWhileUnreachable(snapshot))) return ValueTask.FromResult(snapshot);
        return new ValueTask<CatalogSnapshot>(ReadOrFallBackAsync(snapshot, cancellationToken));
    }

    /// <summary>
    /// When a re-read fails for want of a database (down, or up but out of connections or too slow), reads keep
    /// answering from the last snapshot (availability over freshness) only while it holds every change this node
    /// knows committed, its own or heard from another node; otherwise the failure stands (a 503 with Retry-After)
    /// and the next read tries a fresh re-read. A writer is never answered with the state before its write.
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
            logger.LogWarning("The database is unreachable; serving the catalog read at generation {Generation} from memory", last.Generation);
            return last;
        }
    }

    private bool HoldsEveryKnownCommit(CatalogSnapshot snapshot) => snapshot.Generation >= changes.LastCommitted;

    /// <summary>
    /// For a second after a failed re-read, do not make every request wait for another attempt, unless anything
    /// changed since (a commit means the database is back, and the change must show).
    /// </summary>
    private bool ServableWhileUnreachable(CatalogSnapshot snapshot) =>
        _unreachable is { } unreachable && unreachable.Generation == changes.Generation && HoldsEveryKnownCommit(snapshot) &&
        Environment.TickCount64 - unreachable.At < UnheardMaxAge.TotalMilliseconds;

    /// <summary>The snapshot read last, current or not, for matching an answer to what the snapshot rendered.</summary>
    public CatalogSnapshot? Latest => _current;

    private bool IsCurrent(CatalogSnapshot snapshot) => snapshot.Generation == changes.Generation && Fresh(snapshot.LoadedAt);

    private bool Fresh(long loadedAt) =>
        changes.ListenerConnected || Environment.TickCount64 - loadedAt < UnheardMaxAge.TotalMilliseconds;

    /// <summary>
    /// One re-read at a time. Readers that need what the running one already covers share it; readers that need
    /// something newer (a change committed after it began) share the single re-read queued behind it, which takes
    /// the generation current when it starts, so at least the one each of them saw. Under a stream of writes this
    /// keeps the cost at one re-read after another instead of a pile of overlapping ones (found by the soak run).
    /// </summary>
    private Task<CatalogSnapshot> Read()
    {
        lock (_gate)
        {
            if (_reading is { IsCompleted: false } reading)
            {
                if (_readingGeneration == changes.Generation && Fresh(_readingStartedAt)) return reading;
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

    /// <summary>Starts a re-read at the current generation; called under the gate.</summary>
    private Task<CatalogSnapshot> Start()
    {
        var generation = changes.Generation;
        var startedAt = Environment.TickCount64;
        _readingGeneration = generation;
        _readingStartedAt = startedAt;
        // The read serves every waiting reader, so it does not run on (or get cancelled with) the first one's request.
        using (ExecutionContext.SuppressFlow())
            return _reading = Task.Run(() => ReadAsync(generation, startedAt));
    }

    private async Task<CatalogSnapshot> ReadAsync(long generation, long loadedAt)
    {
        var started = Stopwatch.GetTimestamp();
        await using var scope = scopes.CreateAsyncScope();
        var documents = await ReadDocumentsAsync(scope.ServiceProvider.GetRequiredService<IDocumentStore>());
        var basePrices = await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new PriceOfferings(documents.Offerings.Select(OfferingAssembler.PricingInputOf).ToList(), null));
        var snapshot = new CatalogSnapshot(generation, loadedAt, documents, basePrices, json.Value.SerializerOptions);
        lock (_gate)
        {
            // A slower read that began earlier must not replace a newer snapshot.
            if (_current is not { } current || (current.Generation, current.LoadedAt).CompareTo((generation, loadedAt)) <= 0)
                _current = snapshot;
        }
        logger.LogDebug("Read the catalog ({Offerings} offerings, generation {Generation}) in {ElapsedMs:0.0} ms",
            documents.Offerings.Count, generation, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        return snapshot;
    }

    /// <summary>
    /// All four kinds of documents and the list's orders in one round trip and one repeatable-read transaction, so
    /// they all agree with each other.
    /// </summary>
    private static async Task<CatalogDocuments> ReadDocumentsAsync(IDocumentStore store)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        await using var session = store.QuerySession(SessionOptions.ForTransaction(transaction));
        var batch = session.CreateBatchQuery();
        var products = batch.Query<ProductDocument>().ToList();
        var groups = batch.Query<OfferingGroupDocument>().ToList();
        var offerings = batch.Query<OfferingDocument>().ToList();
        var catalogs = batch.Query<CatalogDocument>().ToList();
        var orders = OfferingOrders.Query(batch);
        await batch.Execute();
        var ordered = new Dictionary<(OfferingSortKey, SortDirection), IReadOnlyList<string>>();
        foreach (var (order, ids) in orders) ordered[order] = await ids;
        return new CatalogDocuments(await products, await groups, await offerings, await catalogs, ordered);
    }
}
