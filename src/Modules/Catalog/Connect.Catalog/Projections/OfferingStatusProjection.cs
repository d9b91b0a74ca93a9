using Connect.Catalog.Domain;
using JasperFx.Events;
using Marten;
using Marten.Events.Projections;
using Marten.Patching;

namespace Connect.Catalog.Projections;

/// <summary>
/// Keeps <see cref="OfferingDocument.Status"/> equal to what the offering's stream says, inline (in the
/// command's transaction, so the next read sees it). It patches only the status: every other field,
/// <c>updatedAt</c> included, belongs to the document's commands, so a rebuild from the events restores
/// the status and leaves the rest as it is. Methods are public: Marten ignores or rejects others
/// (an architecture test guards that).
/// </summary>
internal sealed partial class OfferingStatusProjection : EventProjection
{
    public const string ProjectionName = "OfferingStatus";

    public OfferingStatusProjection() => Name = ProjectionName;

    public void Project(IEvent<ProductOfferingCreated> e, IDocumentOperations ops) => SetStatus(e, e.Data, ops);

    public void Project(IEvent<ProductOfferingArchived> e, IDocumentOperations ops) => SetStatus(e, e.Data, ops);

    public void Project(IEvent<ProductOfferingRestored> e, IDocumentOperations ops) => SetStatus(e, e.Data, ops);

    private static void SetStatus(IEvent e, OfferingStatusEvent data, IDocumentOperations ops) =>
        ops.Patch<OfferingDocument>(e.StreamKey!).Set(o => o.Status, data.Status);
}
