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

    /// <summary>How far the snapshot is behind what this node knows of the log.</summary>
    public CatalogLag Lag { get; } = new();

    /// <summary>Another node committed log entries up to <paramref name="head"/>.</summary>
    public void HeardOf(long head)
    {
        long seen;
        while ((seen = Heard) < head && Interlocked.CompareExchange(ref _heard, head, seen) != seen) { }
        Lag.Heard(head);
    }

    /// <summary>
    /// The log read at <paramref name="head"/> by a look that began after <paramref name="heardBefore"/> was heard: a
    /// lower head means the log was emptied (data reset), so what was heard before no longer applies.
    /// </summary>
    public void LogReadAt(long head, long heardBefore)
    {
        if (head < heardBefore) Interlocked.CompareExchange(ref _heard, head, heardBefore);
        Lag.Applied(head, restarted: head < heardBefore);
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
