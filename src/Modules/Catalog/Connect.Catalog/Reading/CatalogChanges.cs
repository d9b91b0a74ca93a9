using Connect.Catalog.Domain;
using Connect.SharedKernel.ChangeLog;
using Marten;
using Marten.Services;

namespace Connect.Catalog.Reading;

/// <summary>
/// How this node knows its <see cref="CatalogSnapshot"/> may be behind: a generation that every committed catalog
/// change moves on, here (<see cref="CatalogChangeTracker"/>, before the writer answers) and on other nodes
/// (<see cref="CatalogChangeListener"/>, when PostgreSQL delivers the log's NOTIFY). What changed is read from the
/// log; this only says when to look, plus what this node changed without a log entry (a status event appended by
/// any session), which is read again by id.
/// </summary>
internal sealed class CatalogChanges
{
    private readonly Lock _gate = new();
    private HashSet<ResourceKey> _unlogged = [];
    private bool _reload;
    private long _generation;
    private long _lastCommitted;
    private long _heard;
    private volatile bool _listenerConnected;

    public long Generation => Interlocked.Read(ref _generation);

    /// <summary>
    /// The generation the latest change known to have committed (this node's own, or one heard from another node)
    /// moved on to: a snapshot brought up to date at an earlier generation lacks it and is never served.
    /// </summary>
    public long LastCommitted => Interlocked.Read(ref _lastCommitted);

    /// <summary>The newest log position another node's NOTIFY announced: a snapshot before it lacks a known commit.</summary>
    public long Heard => Interlocked.Read(ref _heard);

    /// <summary>Another node committed log entries up to <paramref name="head"/>.</summary>
    public void HeardOf(long head)
    {
        long seen;
        while ((seen = Heard) < head && Interlocked.CompareExchange(ref _heard, head, seen) != seen) { }
    }

    /// <summary>
    /// The log read at <paramref name="head"/> by a look that began after <paramref name="heardBefore"/> was heard: a
    /// lower head means the log was emptied (data reset), so what was heard before no longer applies.
    /// </summary>
    public void LogReadAt(long head, long heardBefore)
    {
        if (head < heardBefore) Interlocked.CompareExchange(ref _heard, head, heardBefore);
    }

    /// <summary>Whether changes made by other nodes are being heard; while not, the log is looked at every second.</summary>
    public bool ListenerConnected
    {
        get => _listenerConnected;
        set => _listenerConnected = value;
    }

    /// <summary>Something may have been missed (the listener reconnected): look at the log again.</summary>
    public void MayHaveChanged() => Interlocked.Increment(ref _generation);

    /// <summary>Data changed behind every session's back (reset by hand): the next look loads everything again.</summary>
    public void Reload()
    {
        lock (_gate) _reload = true;
        Interlocked.Increment(ref _generation);
    }

    /// <summary>A catalog change committed; <paramref name="resources"/> are read again whether or not the log names them.</summary>
    public void Committed(IEnumerable<ResourceKey>? resources = null)
    {
        if (resources is not null)
            lock (_gate) _unlogged.UnionWith(resources);
        var generation = Interlocked.Increment(ref _generation);
        long seen;
        while ((seen = LastCommitted) < generation && Interlocked.CompareExchange(ref _lastCommitted, generation, seen) != seen) { }
    }

    /// <summary>What a look at the log starting now must cover; handed back with <see cref="Restore"/> if the look fails.</summary>
    public (long Generation, long Heard, IReadOnlyCollection<ResourceKey> Unlogged, bool Reload) Take()
    {
        lock (_gate)
        {
            var taken = (Generation, Heard, (IReadOnlyCollection<ResourceKey>)_unlogged, _reload);
            (_unlogged, _reload) = ([], false);
            return taken;
        }
    }

    public void Restore(IReadOnlyCollection<ResourceKey> unlogged, bool reload)
    {
        lock (_gate)
        {
            _unlogged.UnionWith(unlogged);
            _reload |= reload;
        }
    }
}

/// <summary>
/// Sees every Marten unit of work, whichever command or test runs it. Once one that wrote a product, group, offering
/// or catalog (or an offering's status events) has committed, this node's generation moves on and the writer waits
/// until this node's snapshot holds it, so the writer's next read (and its answer's) shows its own write.
/// </summary>
internal sealed class CatalogChangeTracker(CatalogChanges changes, Func<CatalogReadModel> model) : DocumentSessionListenerBase
{
    private static readonly HashSet<Type> CatalogDocuments =
        [typeof(ProductDocument), typeof(OfferingGroupDocument), typeof(OfferingDocument), typeof(CatalogDocument)];

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        // The unit of work is still the committed one here: Marten resets it after its listeners ran.
        var changed = Changed(session.PendingChanges).ToList();
        if (changed.Count == 0) return;
        // An operation without its document (a delete by id, a raw patch) cannot be read again by id.
        if (changed.Any(k => k.Id.Length == 0)) changes.Reload();
        changes.Committed(changed.Where(k => k.Id.Length > 0));
        await model().CatchUpAsync(token);
    }

    /// <summary>What the unit of work wrote; an operation without its document (a delete, a raw patch) has an empty id.</summary>
    private static IEnumerable<ResourceKey> Changed(IUnitOfWork work)
    {
        var written = work.AllChangedFor<ProductDocument>().Select(p => new ResourceKey(ResourceTypes.Product, p.Id))
            .Concat(work.AllChangedFor<OfferingGroupDocument>().Select(g => new ResourceKey(ResourceTypes.ProductOfferingGroup, g.Id)))
            .Concat(work.AllChangedFor<OfferingDocument>().Select(o => new ResourceKey(ResourceTypes.ProductOffering, o.Id)))
            .Concat(work.AllChangedFor<CatalogDocument>().Select(c => new ResourceKey(ResourceTypes.ProductCatalog, c.Id)))
            .Concat(work.Streams().Where(s => s.Events.Any(e => e.EventType.Assembly == typeof(CatalogChanges).Assembly))
                .Select(s => new ResourceKey(ResourceTypes.ProductOffering, s.Key ?? "")))
            .ToList();
        var operations = work.Operations().Count(o => o.DocumentType is { } type && CatalogDocuments.Contains(type));
        // Operations beyond the documents written (deletes, patches) are not known by id.
        return operations > written.Count(k => k.Type != ResourceTypes.ProductOffering || k.Id.Length > 0)
            ? written.Append(new ResourceKey(ResourceTypes.Product, "")) : written;
    }
}
