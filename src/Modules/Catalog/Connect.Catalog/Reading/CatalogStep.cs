using System.Diagnostics;
using Connect.Catalog.Domain;
using Connect.Pricing.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Reading;

/// <summary>
/// One step of <see cref="CatalogReadModel"/>: the snapshot after the log entries that follow <c>basis</c> (and the
/// resources written here without an entry), or everything loaded again when there is no basis, a reload was asked
/// for, or following cannot work.
/// </summary>
internal sealed class CatalogStep(
    CatalogSource source, IServiceScopeFactory scopes, IOptions<JsonOptions> json, CatalogMetrics metrics, ILogger<CatalogReadModel> logger)
{
    public async Task<CatalogSnapshot> NextAsync(CatalogSnapshot? basis, long generation, long startedAt,
        IReadOnlyCollection<ResourceKey> unlogged, bool reload)
    {
        var started = Stopwatch.GetTimestamp();
        if (basis is not null && !reload && await source.ReadChangesAsync(basis.State, unlogged, CancellationToken.None) is { } delta)
        {
            var prices = await PriceAsync(delta.Offerings.Values.OfType<OfferingDocument>().ToList());
            var next = CatalogSnapshotChange.Apply(basis, delta, prices, json.Value.SerializerOptions, generation, startedAt);
            if (!delta.IsEmpty)
            {
                var took = Stopwatch.GetElapsedTime(started);
                metrics.Stepped(took, loaded: false);
                logger.LogDebug("Applied the change log up to {Position} ({Offerings} offerings changed) in {ElapsedMs:0.0} ms",
                    delta.Position, delta.Offerings.Count, took.TotalMilliseconds);
            }
            return next;
        }
        var (documents, position) = await source.LoadAsync(CancellationToken.None);
        var snapshot = CatalogSnapshot.Load(generation, startedAt, position, documents, await PriceAsync(documents.Offerings),
            json.Value.SerializerOptions);
        var elapsed = Stopwatch.GetElapsedTime(started);
        metrics.Stepped(elapsed, loaded: true);
        logger.LogInformation("Loaded the catalog ({Offerings} offerings, log position {Position}) in {ElapsedMs:0.0} ms",
            documents.Offerings.Count, position, elapsed.TotalMilliseconds);
        return snapshot;
    }

    private async Task<IReadOnlyDictionary<string, ComputedPrice>> PriceAsync(IReadOnlyList<OfferingDocument> offerings)
    {
        if (offerings.Count == 0) return new Dictionary<string, ComputedPrice>();
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>()
            .Send(new PriceOfferings(offerings.Select(OfferingAssembler.PricingInputOf).ToList(), null));
    }
}
