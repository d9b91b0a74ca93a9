using System.Collections.Concurrent;
using Connect.Pricing.Features;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>Real time plus an offset a test can move, so validity windows are tested without waiting.</summary>
public sealed class TestClock : TimeProvider
{
    private long _offsetTicks;

    public TimeSpan Offset
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _offsetTicks));
        set => Interlocked.Exchange(ref _offsetTicks, value.Ticks);
    }

    public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + Offset;

    public void Reset() => Offset = TimeSpan.Zero;
}

/// <summary>Hears the modules' notifications the way any in-process subscriber would (Mediator resolves handlers from the container).</summary>
public sealed class NotificationRecorder :
    INotificationHandler<PromoCodeCreatedNotification>, INotificationHandler<PromoCodeDeactivatedNotification>
{
    private readonly ConcurrentQueue<INotification> _heard = new();

    public IReadOnlyList<INotification> Heard => [.. _heard];

    public void Clear() => _heard.Clear();

    public void Register(IServiceCollection services)
    {
        services.AddSingleton<INotificationHandler<PromoCodeCreatedNotification>>(this);
        services.AddSingleton<INotificationHandler<PromoCodeDeactivatedNotification>>(this);
    }

    ValueTask INotificationHandler<PromoCodeCreatedNotification>.Handle(PromoCodeCreatedNotification notification, CancellationToken cancellationToken) => Record(notification);

    ValueTask INotificationHandler<PromoCodeDeactivatedNotification>.Handle(PromoCodeDeactivatedNotification notification, CancellationToken cancellationToken) => Record(notification);

    private ValueTask Record(INotification notification)
    {
        _heard.Enqueue(notification);
        return ValueTask.CompletedTask;
    }
}
