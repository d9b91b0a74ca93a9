using System.Diagnostics.Metrics;
using Connect.Pricing.Features;
using Connect.SharedKernel.Caching;
using Connect.SharedKernel.Telemetry;
using Marten;
using Mediator;

namespace Connect.Pricing.Domain;

/// <summary>
/// Promo codes as last read, so a priced read with a code does not cost a database round trip each time.
/// This node's own changes evict the entry as soon as they commit (the notifications below); changes made by
/// another node sharing the database are seen when the entry ages out, after at most <see cref="MaxAge"/>.
/// Unknown codes are remembered too (a shop sending a stale code should not reach the database every time),
/// and the whole cache is dropped when it grows past <see cref="MaxEntries"/>, so garbage codes cannot fill memory.
/// </summary>
internal sealed class PromoCodeCache(IMeterFactory meters) :
    INotificationHandler<PromoCodeCreatedNotification>, INotificationHandler<PromoCodeDeactivatedNotification>
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    public const int MaxEntries = 10_000;

    private readonly GuardedCache<PromoCodeDocument> _codes = new(MaxEntries, new CacheCounter(meters.Create(PricingModule.MeterName), "promo_code"));

    /// <summary>The code's document (null when unknown), from memory when fresh enough.</summary>
    public Task<PromoCodeDocument?> GetAsync(string normalizedCode, IQuerySession session, CancellationToken cancellationToken) =>
        _codes.GetAsync(normalizedCode, MaxAge, token => session.LoadAsync<PromoCodeDocument>(normalizedCode, token), enabled: true, cancellationToken);

    public ValueTask Handle(PromoCodeCreatedNotification notification, CancellationToken cancellationToken)
    {
        _codes.Evict(notification.PromoCode.Code);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(PromoCodeDeactivatedNotification notification, CancellationToken cancellationToken)
    {
        _codes.Evict(notification.Code);
        return ValueTask.CompletedTask;
    }
}
