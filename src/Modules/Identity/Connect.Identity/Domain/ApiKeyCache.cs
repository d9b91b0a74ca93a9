using System.Diagnostics.Metrics;
using Connect.Identity.Features;
using Connect.SharedKernel.Caching;
using Connect.SharedKernel.Telemetry;
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
internal sealed class ApiKeyCache(IOptionsMonitor<IdentityOptions> options, IMeterFactory meters) : INotificationHandler<ApiKeyRevokedNotification>
{
    public const int MaxEntries = 10_000;
    private static readonly TimeSpan UnheardMaxAge = TimeSpan.FromSeconds(1);

    private readonly GuardedCache<ApiKey> _byHash = new(MaxEntries, new CacheCounter(meters.Create(IdentityModule.MeterName), "api_key"));

    /// <summary>Set by the listener: whether revocations from other nodes are being heard.</summary>
    public bool ListenerConnected { get; set; }

    private TimeSpan MaxAge => ListenerConnected ? TimeSpan.FromSeconds(options.CurrentValue.KeyCacheSeconds) : UnheardMaxAge;

    private bool Enabled => options.CurrentValue.KeyCacheSeconds > 0;

    /// <summary>The stored key the presented one belongs to (perhaps revoked or expired), or null.</summary>
    public Task<ApiKey?> FindAsync(string presentedKey, IQuerySession session, CancellationToken cancellationToken)
    {
        var hash = ApiKeySecrets.Hash(presentedKey);
        // While the database is gone no revocation can commit either, so a key validated before keeps working until
        // it is back (then the listener reconnects and drops the cache).
        return _byHash.GetAsync(hash, MaxAge,
            token => session.Query<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, token), Enabled, cancellationToken);
    }

    public void Evict(string apiKeyId) => _byHash.EvictWhere(key => key.Id == apiKeyId);

    public void Clear() => _byHash.Clear();

    public ValueTask Handle(ApiKeyRevokedNotification notification, CancellationToken cancellationToken)
    {
        Evict(notification.ApiKeyId);
        return ValueTask.CompletedTask;
    }
}
