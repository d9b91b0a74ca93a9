using Marten;
using Mediator;

namespace Connect.SharedKernel.Messaging;

/// <summary>
/// Last in the pipeline, for commands only: one Marten SaveChangesAsync per command, then the
/// notifications the handler raised are published, after the commit, so no reader of a notification
/// sees a change that was rolled back.
/// </summary>
public sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IDocumentSession session, NotificationBuffer notifications, IPublisher publisher)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        foreach (var notification in notifications.Drain())
            await publisher.Publish(notification, cancellationToken);
        return response;
    }
}

/// <summary>Notifications raised while a command runs, held until its transaction commits.</summary>
public sealed class NotificationBuffer
{
    private readonly List<INotification> _pending = [];

    public void Raise(INotification notification) => _pending.Add(notification);

    internal IReadOnlyList<INotification> Drain()
    {
        var drained = _pending.ToArray();
        _pending.Clear();
        return drained;
    }
}
