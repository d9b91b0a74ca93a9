using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using Connect.SharedKernel.Http;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Messaging;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>
/// The one way an offering's status changes (archive, restore): check the preconditions (412), decide from the
/// offering's event stream (409 when it already has that status), append the event expecting the version
/// read, and raise the notification that is published after the commit.
/// </summary>
internal sealed class OfferingStatusChanger(
    IDocumentSession session, DocumentPatcher patcher, OfferingAssembler assembler, NotificationBuffer notifications, CatalogChangeLog log)
{
    public async Task<ProductOffering> ChangeAsync(string offeringId, Preconditions? preconditions, OfferingStatusEvent change, CancellationToken cancellationToken)
    {
        var offering = await patcher.LoadCheckedAsync<OfferingDocument>(offeringId, preconditions,
            async o => await assembler.AssembleOneAsync(o, null, cancellationToken), "Product offering", cancellationToken);
        var stream = await OfferingStatusStream.LoadAsync(session, offering, cancellationToken);
        if (stream.Current == change.Status)
            throw new ConflictException($"Product offering '{offeringId}' is already {WireEnum<OfferingStatus>.Name(change.Status)}.");
        stream.Append(session, change);

        // The inline projection sets the status from the event in this transaction. The document is stored
        // as well, with the same status, for updatedAt and so that a PATCH committed since this load (and
        // since the If-Match check) makes this change fail instead of passing unseen (optimistic concurrency).
        offering.Status = change.Status;
        offering.UpdatedAt = change.OccurredAt;
        session.Store(offering);
        notifications.Raise(Notification(offering, change));
        var changed = await assembler.AssembleOneAsync(offering, null, cancellationToken);
        log.Offering(changed, change.Status == OfferingStatus.Archived ? ChangeKinds.Archived : ChangeKinds.Restored, change.OccurredAt, change.Reason, change.ChangedBy);
        return changed;
    }

    private static INotification Notification(OfferingDocument offering, OfferingStatusEvent change) => change switch
    {
        Domain.ProductOfferingArchived => new Contracts.ProductOfferingArchived(
            offering.Id, offering.ProductOfferingGroupId, change.Reason, change.ChangedBy, change.OccurredAt),
        _ => new Contracts.ProductOfferingRestored(offering.Id, offering.ProductOfferingGroupId, change.Reason, change.ChangedBy, change.OccurredAt),
    };
}
