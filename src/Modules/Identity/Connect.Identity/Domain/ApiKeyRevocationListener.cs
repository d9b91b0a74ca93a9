using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Connect.Identity.Domain;

/// <summary>
/// Hears revocations made by any node sharing the database: a revocation sends
/// <c>NOTIFY connect_api_key_revoked, '&lt;key id&gt;'</c> in its own transaction, so the message arrives exactly when
/// it commits. On (re)connecting the cache is dropped, since a revocation may have been missed meanwhile; while
/// disconnected the cache re-validates every key older than one second (see <see cref="ApiKeyCache"/>).
/// </summary>
internal sealed class ApiKeyRevocationListener(IConfiguration configuration, ApiKeyCache cache, ILogger<ApiKeyRevocationListener> logger)
    : BackgroundService
{
    public const string Channel = "connect_api_key_revoked";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var connectionString = configuration.GetConnectionString("Connect");
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => cache.Evict(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                cache.Clear();
                cache.ListenerConnected = true;
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                cache.ListenerConnected = false;
                logger.LogWarning("Revocation listener lost its connection ({Error}); keys are re-read every second until it is back",
                    ex.GetType().Name);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        cache.ListenerConnected = false;
    }
}
