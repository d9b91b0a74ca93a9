using System.Collections.Concurrent;
using Connect.Identity.Contracts;
using Connect.Identity.Features.ApiKeys;
using Marten;
using Mediator;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Domain;

/// <summary>
/// Validated keys in memory, so authenticating a request costs no database round trip. A revocation evicts the
/// key on this node as soon as it commits (<see cref="ApiKeyRevokedNotification"/>) and on every other node
/// when PostgreSQL delivers the NOTIFY the revocation sent in its transaction (<see cref="ApiKeyRevocationListener"/>).
/// While that listener is not connected, nothing older than one second is trusted without asking the database
/// again, unless the database cannot be reached (then no revocation can commit either, and the key validated
/// before keeps working; the cache is dropped when the listener is back).
/// Every presented key, well-formed or not, costs the same: one hash, one cache probe and, on a miss, one
/// indexed query by that hash; what was found (a usable, revoked or expired key, or nothing) is cached the same
/// way, so the answer's timing does not tell an unknown key from a revoked one or a known key id from an unknown one.
/// </summary>
internal sealed class ApiKeyCache(IOptionsMonitor<IdentityOptions> options) : INotificationHandler<ApiKeyRevokedNotification>
{
    public const int MaxEntries = 10_000;
    private static readonly TimeSpan UnheardMaxAge = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, Entry> _byHash = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(ApiKey? Key, long LoadedAt);

    /// <summary>Set by the listener: whether revocations from other nodes are being heard.</summary>
    public bool ListenerConnected { get; set; }

    private TimeSpan MaxAge => ListenerConnected ? TimeSpan.FromSeconds(options.CurrentValue.KeyCacheSeconds) : UnheardMaxAge;

    private bool Enabled => options.CurrentValue.KeyCacheSeconds > 0;

    /// <summary>The stored key the presented one belongs to (perhaps revoked or expired), or null.</summary>
    public async Task<ApiKey?> FindAsync(string presentedKey, IQuerySession session, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(presentedKey);
        var now = Environment.TickCount64;
        var cached = Enabled ? _byHash.GetValueOrDefault(hash) : null;
        if (cached is not null && now - cached.LoadedAt < MaxAge.TotalMilliseconds)
            return cached.Key;

        var generation = Interlocked.Read(ref _generation);
        ApiKey? key;
        try
        {
            key = await session.Query<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        }
        catch (Exception ex) when (cached is not null && Connect.SharedKernel.Errors.DatabaseErrors.IsUnreachable(ex))
        {
            // The database is gone, so no revocation can commit now either: a key this node validated before
            // keeps working until the database is back (then the listener reconnects and drops the cache).
            return cached.Key;
        }
        if (Enabled)
        {
            if (_byHash.Count >= MaxEntries) _byHash.Clear();
            // A revocation heard while we were reading must not be undone by what we read before it.
            if (Interlocked.Read(ref _generation) == generation)
            {
                var entry = new Entry(key, now);
                _byHash[hash] = entry;
                // An eviction that ran between the check and the store must win: take this entry back out.
                if (Interlocked.Read(ref _generation) != generation)
                    _byHash.TryRemove(new KeyValuePair<string, Entry>(hash, entry));
            }
        }
        return key;
    }

    public void Evict(string apiKeyId)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (hash, entry) in _byHash)
            if (entry.Key?.Id == apiKeyId) _byHash.TryRemove(hash, out _);
    }

    public void Clear()
    {
        Interlocked.Increment(ref _generation);
        _byHash.Clear();
    }

    public ValueTask Handle(ApiKeyRevokedNotification notification, CancellationToken cancellationToken)
    {
        Evict(notification.ApiKeyId);
        return ValueTask.CompletedTask;
    }
}
