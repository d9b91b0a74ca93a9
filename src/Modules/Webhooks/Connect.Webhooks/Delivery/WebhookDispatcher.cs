using System.Collections.Concurrent;
using Connect.SharedKernel.ChangeLog;
using Connect.Webhooks.Domain;
using Marten;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Webhooks.Delivery;

/// <summary>
/// Each node's delivery loop: finds the webhooks with changes to deliver whose retry is due, and runs a
/// <see cref="WebhookWorker"/> for each (at most <see cref="WebhookOptions.MaxConcurrentWebhooks"/> at a time), so a slow
/// or dead receiver holds up only its own webhook. Woken by every commit the node hears of, when a worker ends, and by
/// the poll interval or the next retry, whichever comes first.
/// </summary>
internal sealed class WebhookDispatcher(
    IDocumentStore store, ChangeSignal signal, WebhookWorker worker, WebhookDeliverySwitch delivering, IOptions<WebhookOptions> options, TimeProvider clock,
    WebhookMetrics metrics, ILogger<WebhookDispatcher> logger) : BackgroundService
{
    // Every webhook, for the backlog metric; the log numbers its entries without gaps, so head - position counts them.
    private const string StateSql = $"""
        SELECT webhook_id, enabled, next_attempt_at, (SELECT coalesce(max(sequence), 0) FROM {ChangeLogTable.Name}) - position
        FROM {WebhookTables.State}
        """;

    private readonly ConcurrentDictionary<string, Task> _running = new();
    private readonly SemaphoreSlim _wake = new(0, 1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var heard = signal.NextAsync();
            var wait = options.Value.PollInterval;
            try
            {
                var now = clock.GetUtcNow();
                foreach (var (webhookId, nextAttemptAt) in delivering.Enabled ? await DueAsync(stoppingToken) : [])
                {
                    if (nextAttemptAt > now)
                    {
                        if (nextAttemptAt - now < wait) wait = nextAttemptAt.Value - now;
                        continue;
                    }
                    if (_running.Count >= options.Value.MaxConcurrentWebhooks || _running.ContainsKey(webhookId)) continue;
                    var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _running[webhookId] = RunAsync(webhookId, registered.Task, stoppingToken);
                    registered.SetResult();
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Looking for webhook deliveries failed; retrying shortly");
            }
            try { await Task.WhenAny(heard, _wake.WaitAsync(wait > TimeSpan.FromMilliseconds(1) ? wait : TimeSpan.FromMilliseconds(1), stoppingToken)); }
            catch (OperationCanceledException) { break; }
        }
        // An attempt under way is finished and recorded, so a restart repeats nothing that was delivered.
        await Task.WhenAll(_running.Values);
    }

    private async Task RunAsync(string webhookId, Task registered, CancellationToken stoppingToken)
    {
        await registered;
        var worked = false;
        try
        {
            worked = await worker.RunAsync(webhookId, stoppingToken);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            logger.LogWarning(ex, "Delivering to webhook {WebhookId} failed; retrying shortly", webhookId);
        }
        catch (Exception) { }
        finally
        {
            _running.TryRemove(webhookId, out _);
        }
        // A change committed while it ended may have been skipped by the loop: look again now. Not when another node holds
        // the webhook, or the two would ask each other in a tight loop.
        if (worked && _wake.CurrentCount == 0)
        {
            try { _wake.Release(); }
            catch (SemaphoreFullException) { }
        }
    }

    /// <summary>The enabled webhooks with changes to deliver; notes every webhook's backlog on the way.</summary>
    private async Task<List<(string WebhookId, DateTimeOffset? NextAttemptAt)>> DueAsync(CancellationToken cancellationToken)
    {
        await using var connection = await store.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(StateSql, connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var due = new List<(string, DateTimeOffset?)>();
        var backlogs = new List<KeyValuePair<string, long>>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var (webhookId, backlog) = (reader.GetString(0), reader.GetInt64(3));
            backlogs.Add(new(webhookId, backlog));
            if (reader.GetBoolean(1) && backlog > 0) due.Add((webhookId, reader.IsDBNull(2) ? null : reader.GetFieldValue<DateTimeOffset>(2)));
        }
        metrics.Backlogs(backlogs);
        return due;
    }
}
