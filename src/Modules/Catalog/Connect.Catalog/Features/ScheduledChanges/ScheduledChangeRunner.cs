using Connect.Catalog.Contracts;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.Features.ScheduledChanges;

/// <summary>
/// Carries out due scheduled changes on every node, each exactly once: the change is marked DONE in the same unit of
/// work (the same transaction) as the archive or restore it makes, with optimistic concurrency on the scheduled change,
/// so of nodes racing for it (or a cancel racing it) one commits and the others roll back. A change that can no longer
/// happen (the offering already has that status) ends FAILED with the reason. State lives in PostgreSQL, so a
/// restart picks up whatever is due.
/// </summary>
internal sealed class ScheduledChangeRunner(IServiceScopeFactory scopes, TimeProvider clock, ILogger<ScheduledChangeRunner> logger) : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                logger.LogWarning(ex, "Running scheduled changes failed; retrying in a second");
            }
            try { await Task.Delay(Every, stoppingToken); }
            catch (OperationCanceledException) { return; }
        }
    }

    private async Task RunDueAsync(CancellationToken cancellationToken)
    {
        List<string> due;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var now = clock.GetUtcNow();
            due = [.. await scope.ServiceProvider.GetRequiredService<IQuerySession>().Query<ScheduledChangeDocument>()
                .Where(c => c.State == ScheduledStates.Pending && c.EffectiveAt <= now).OrderBy(c => c.EffectiveAt).Select(c => c.Id).Take(100)
                .ToListAsync(cancellationToken)];
        }
        foreach (var id in due)
            await RunAsync(id, cancellationToken);
    }

    private async Task RunAsync(string id, CancellationToken cancellationToken)
    {
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
            var scheduled = await session.LoadAsync<ScheduledChangeDocument>(id, cancellationToken);
            if (scheduled is not { State: ScheduledStates.Pending }) return;
            scheduled.State = ScheduledStates.Done;
            session.Store(scheduled);
            var change = StatusChanges.Command(scheduled.Action, scheduled.ProductOfferingId, scheduled.Reason, scheduled.CreatedBy);
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(change, cancellationToken);
        }
        catch (SharedKernel.Errors.ConnectException refused)
        {
            await FailAsync(id, refused.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is JasperFx.ConcurrencyException or AggregateException { InnerExceptions: [JasperFx.ConcurrencyException, ..] })
        {
            // Another node carried it out, or it was cancelled, first.
        }
    }

    private async Task FailAsync(string id, string reason, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IDocumentSession>();
        if (await session.LoadAsync<ScheduledChangeDocument>(id, cancellationToken) is not { State: ScheduledStates.Pending } scheduled) return;
        scheduled.State = ScheduledStates.Failed;
        scheduled.FailureReason = reason;
        session.Store(scheduled);
        try { await session.SaveChangesAsync(cancellationToken); }
        catch (JasperFx.ConcurrencyException) { }
    }
}
