using Connect.SharedKernel.Messaging;
using Marten;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Connect.Api.Pipeline;

/// <summary>
/// Last in the pipeline, for commands only: one Marten SaveChangesAsync per command, then the
/// notifications the handler raised are published, after the commit, so no reader of a notification
/// sees a change that was rolled back.
/// </summary>
internal sealed class UnitOfWorkBehavior<TMessage, TResponse>(
    IDocumentSession session, NotificationBuffer notifications, IPublisher publisher,
    ILogger<UnitOfWorkBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        await session.SaveChangesAsync(cancellationToken);
        foreach (var notification in notifications.Drain())
        {
            // The change has committed: a subscriber that fails must not make the caller believe it did not
            // (a retry would then conflict with the caller's own change). Its failure is logged instead.
            try
            {
                await publisher.Publish(notification, CancellationToken.None);
            }
            catch (Exception ex)
            {
                logger.LogError(ex, "A subscriber to {Notification} failed after the change committed", notification.GetType().Name);
            }
        }
        return response;
    }
}
