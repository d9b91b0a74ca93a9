using Marten;
using Marten.Patching;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Domain;

/// <summary>
/// Writes each key's expiry to its audit trail shortly after it happens (authentication refuses an expired key
/// on its own, at once; this only records it). Idempotent: a key is marked once its expiry is recorded.
/// </summary>
internal sealed class ApiKeyExpirySweep(IDocumentStore store, TimeProvider clock, IOptionsMonitor<IdentityOptions> options,
    ILogger<ApiKeyExpirySweep> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await SweepAsync(stoppingToken); }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogWarning("Key expiry sweep failed ({Error}); retrying later", ex.GetType().Name);
            }
            try { await Task.Delay(TimeSpan.FromSeconds(Math.Max(1, options.CurrentValue.ExpirySweepSeconds)), stoppingToken); }
            catch (OperationCanceledException) { break; }
        }
    }

    /// <summary>Records every expiry not recorded yet; returns how many.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        await using var session = store.LightweightSession();
        var expired = await session.Query<ApiKey>()
            .Where(k => k.ExpiresAt != null && k.ExpiresAt <= now && k.ExpiryRecordedAt == null && k.RevokedAt == null)
            .Take(500).ToListAsync(cancellationToken);
        foreach (var key in expired)
        {
            // Only the marker is written (a revocation landing meanwhile keeps its RevokedAt), and the event is
            // appended at the version read, so two nodes sweeping at once record the expiry once: the other fails.
            var stream = await session.Events.FetchStreamStateAsync(ApiKey.StreamKey(key.Id), cancellationToken);
            session.Patch<ApiKey>(key.Id).Set(k => k.ExpiryRecordedAt, now);
            var expiredEvent = new ApiKeyExpired(key.Id, key.ExpiresAt!.Value, now);
            if (stream is null) session.Events.StartStream<ApiKey>(ApiKey.StreamKey(key.Id), expiredEvent);
            else session.Events.Append(ApiKey.StreamKey(key.Id), stream.Version + 1, expiredEvent);
            logger.LogInformation("API key {ApiKeyId} expired at {ExpiresAt}", key.Id, key.ExpiresAt);
        }
        if (expired.Count > 0) await session.SaveChangesAsync(cancellationToken);
        return expired.Count;
    }
}
