using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Connect.SharedKernel.Messaging;

/// <summary>
/// LISTENs on one PostgreSQL channel for as long as the host runs, reconnecting every second after a failure. A
/// writer sends <c>NOTIFY</c> in its own transaction, so every node hears a change exactly when it commits. While
/// the connection is down, the subclass must not trust what it remembers (it is told through <see cref="Connected"/>).
/// The caller says which database (<paramref name="connectionString"/>; null or empty: the listener stays idle).
/// </summary>
public abstract class PostgresListener(string? connectionString, string channel, ILogger logger) : BackgroundService
{
    /// <summary>A notification's payload arrived.</summary>
    protected abstract void Notified(string payload);

    /// <summary>True once listening (notifications may have been missed before), false when the connection is lost.</summary>
    protected abstract void Connected(bool connected);

    /// <summary>What the node does while it hears nothing, for the warning logged when the connection is lost.</summary>
    protected abstract string Meanwhile { get; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (string.IsNullOrWhiteSpace(connectionString)) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                // Keepalive: a silently dropped connection (no FIN, e.g. a network cut) is noticed within seconds
                // instead of leaving the node deaf while it believes it listens. Not pooled: a listener holds its
                // connection for as long as it runs, so a pool would only make it wait for slots other hosts in
                // the same process hold (and a pool sized for a node's queries may be too small for its listeners).
                var keptAlive = new NpgsqlConnectionStringBuilder(connectionString) { KeepAlive = 10, Pooling = false }.ConnectionString;
                await using var connection = new NpgsqlConnection(keptAlive);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => Notified(e.Payload);
                await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                Connected(true);
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                Connected(false);
                logger.LogWarning("Listener on {Channel} lost its connection ({Error}); {Meanwhile}", channel, ex.GetType().Name, Meanwhile);
                try { await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken); }
                catch (OperationCanceledException) { break; }
            }
        }
        Connected(false);
    }
}
