using Connect.Catalog.Contracts;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.Features;

/// <summary>
/// One structured log line per committed status change, for operators reading the logs; the status
/// history is the record. Other modules react to the same notifications with their own handlers.
/// </summary>
internal sealed class LogStatusChanges(ILogger<LogStatusChanges> logger)
    : INotificationHandler<ProductOfferingArchived>, INotificationHandler<ProductOfferingRestored>
{
    public ValueTask Handle(ProductOfferingArchived notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Product offering {ProductOfferingId} archived by key {ChangedBy}: {Reason}",
            notification.ProductOfferingId, notification.ChangedBy, notification.Reason);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(ProductOfferingRestored notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Product offering {ProductOfferingId} restored by key {ChangedBy}: {Reason}",
            notification.ProductOfferingId, notification.ChangedBy, notification.Reason);
        return ValueTask.CompletedTask;
    }
}
