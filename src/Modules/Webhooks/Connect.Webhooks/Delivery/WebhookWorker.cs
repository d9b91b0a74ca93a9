using Connect.SharedKernel.ChangeLog;
using Connect.Webhooks.Domain;
using Marten;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Webhooks.Delivery;

/// <summary>
/// Delivers one webhook's backlog in log order while holding the webhook's lease: a session advisory lock on one
/// connection, so no other node delivers to it meanwhile, and a node that dies lets it go as its connection closes.
/// Stops at the first failed attempt (the retry is due later) and when the backlog is empty.
/// </summary>
internal sealed class WebhookWorker(
    IDocumentStore store, WebhookDeliverySwitch delivering, WebhookSender sender, WebhookSecrets secrets, WebhookDisabler disabler, IOptions<WebhookOptions> options,
    TimeProvider clock, ILogger<WebhookWorker> logger)
{
    private const int BatchSize = 100;
    private const string LockKey = "hashtextextended('webhook:' || @id, 0)";

    /// <summary>Delivers what is due; false when another node holds the webhook.</summary>
    /// <param name="stopping">Ends the work between attempts; an attempt under way is finished and recorded.</param>
    public async Task<bool> RunAsync(string webhookId, CancellationToken stopping)
    {
        await using var connection = await store.OpenConnectionAsync(stopping);
        if (!await ScalarAsync<bool>(connection, $"SELECT pg_try_advisory_lock({LockKey})", webhookId)) return false;
        try
        {
            while (!stopping.IsCancellationRequested && delivering.Enabled && await DeliverBatchAsync(connection, webhookId, stopping)) { }
        }
        finally
        {
            // A connection lost meanwhile took the lock with it; unlocking it would only hide why the work stopped.
            if (connection.State == System.Data.ConnectionState.Open)
                await ScalarAsync<bool>(connection, $"SELECT pg_advisory_unlock({LockKey})", webhookId);
        }
        return true;
    }

    /// <summary>One page of the backlog; true when there may be more to deliver right away.</summary>
    private async Task<bool> DeliverBatchAsync(NpgsqlConnection connection, string webhookId, CancellationToken stopping)
    {
        var progress = await DeliveryState.ReadAsync(connection, webhookId);
        if (progress is not { Enabled: true } || progress.NextAttemptAt > clock.GetUtcNow()) return false;
        WebhookDocument? webhook;
        await using (var session = store.QuerySession())
            webhook = await session.LoadAsync<WebhookDocument>(webhookId);
        if (webhook is not { Enabled: true }) return false;

        var page = await ChangeFeed.ReadAsync(connection, null, new ChangeQuery(progress.Position, BatchSize, webhook.ResourceTypes, null, webhook.Hidden),
            CancellationToken.None);
        var secret = secrets.Unseal(webhook.SealedSecret);
        var position = progress.Position;
        var attempts = progress.Attempts;
        foreach (var change in page.Items)
        {
            if (!delivering.Enabled || stopping.IsCancellationRequested) return false;
            var outcome = await sender.SendAsync(webhook.Url, secret, change);
            if (outcome.Delivered)
            {
                if (!await DeliveryState.RecordAsync(connection, webhookId, position, change.Sequence, attempts + 1, outcome, null, null)) return false;
                position = change.Sequence;
                attempts = 0;
                continue;
            }
            await FailedAsync(connection, webhook, progress with { Position = position, Attempts = attempts }, change, outcome);
            return false;
        }
        // A short page has seen the log up to its head, matched or not.
        if (!page.HasMore && page.Next > position) return await DeliveryState.SkipAsync(connection, webhookId, position, page.Next) && page.Items.Count > 0;
        return page.HasMore;
    }

    private async Task FailedAsync(NpgsqlConnection connection, WebhookDocument webhook, DeliveryProgress progress, CatalogChange change, AttemptOutcome outcome)
    {
        var attempt = progress.Attempts + 1;
        var failingSince = progress.FailingSince ?? outcome.AttemptedAt;
        var giveUp = outcome.AttemptedAt - failingSince >= options.Value.FailureWindow;
        DateTimeOffset? next = giveUp ? null : outcome.AttemptedAt + options.Value.BackoffAfter(attempt);
        logger.LogInformation("Webhook {WebhookId}: attempt {Attempt} at change {Sequence} failed: {Error}", webhook.Id, attempt, change.Sequence,
            outcome.Error);
        if (!await DeliveryState.RecordAsync(connection, webhook.Id, progress.Position, change.Sequence, attempt, outcome, next, failingSince)) return;
        if (giveUp)
            await disabler.DisableAsync(webhook.Id,
                $"Deliveries failed for {options.Value.FailureWindow} (since {failingSince:yyyy-MM-ddTHH:mm:ssZ}); the last attempt, at change {change.Sequence}: {outcome.Error}");
    }

    private static async Task<T> ScalarAsync<T>(NpgsqlConnection connection, string sql, string webhookId)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        command.Parameters.AddWithValue("id", webhookId);
        return (T)(await command.ExecuteScalarAsync())!;
    }
}
