using Connect.Catalog.Domain;
using Marten;
using Marten.Services;

namespace Connect.Catalog.Reading;

/// <summary>
/// How this node knows its <see cref="CatalogSnapshot"/> may be out of date: a generation that every committed
/// catalog change moves on, here (<see cref="CatalogChangeTracker"/>, before the writer answers) and on other nodes
/// (<see cref="CatalogChangeListener"/>, when PostgreSQL delivers the change's NOTIFY).
/// </summary>
internal sealed class CatalogChanges
{
    public const string Channel = "connect_catalog_changed";

    private long _generation;
    private long _lastCommitted;
    private volatile bool _listenerConnected;

    /// <summary>Sent as the NOTIFY payload, so a node's listener skips the changes this node has already counted.</summary>
    public string NodeId { get; } = Guid.NewGuid().ToString("N");

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// The generation the latest change known to have committed (this node's own, or one heard from another node)
    /// moved on to: a snapshot read at an earlier generation lacks it and is never served, not even from memory.
    /// </summary>
    public long LastCommitted => Interlocked.Read(ref _lastCommitted);

    /// <summary>Whether changes made by other nodes are being heard; while not, a snapshot is trusted for one second only.</summary>
    public bool ListenerConnected
    {
        get => _listenerConnected;
        set => _listenerConnected = value;
    }

    /// <summary>Something may have changed (a listener reconnected, data reset by hand): re-read, if the database answers.</summary>
    public void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>A catalog change committed.</summary>
    public void Committed()
    {
        var generation = Interlocked.Increment(ref _generation);
        long seen;
        while ((seen = LastCommitted) < generation && Interlocked.CompareExchange(ref _lastCommitted, generation, seen) != seen) { }
    }
}

/// <summary>
/// Sees every Marten unit of work, whichever command or test runs it. One that writes a product, group, offering or
/// catalog (or an offering's status events) also sends <c>NOTIFY connect_catalog_changed</c> in its transaction, so
/// other nodes hear it exactly when it commits, and moves this node's generation on once it has committed.
/// </summary>
internal sealed class CatalogChangeTracker(CatalogChanges changes) : DocumentSessionListenerBase
{
    private static readonly HashSet<Type> CatalogDocuments =
        [typeof(ProductDocument), typeof(OfferingGroupDocument), typeof(OfferingDocument), typeof(CatalogDocument)];

    public override Task BeforeSaveChangesAsync(IDocumentSession session, CancellationToken token)
    {
        if (ChangesCatalog(session.PendingChanges))
            session.QueueSqlCommand("select pg_notify(?, ?)", CatalogChanges.Channel, changes.NodeId);
        return Task.CompletedTask;
    }

    public override Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        // The unit of work is still the committed one here: Marten resets it after its listeners ran.
        if (ChangesCatalog(session.PendingChanges))
            changes.Committed();
        return Task.CompletedTask;
    }

    private static bool ChangesCatalog(IUnitOfWork work) =>
        work.Operations().Any(o => o.DocumentType is { } type && CatalogDocuments.Contains(type))
        || work.Streams().Any(s => s.Events.Any(e => e.EventType.Assembly == typeof(CatalogChanges).Assembly));
}
