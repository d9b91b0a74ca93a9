using Connect.Catalog.Domain;
using Connect.SharedKernel.ChangeLog;
using Marten;
using Marten.Services;

namespace Connect.Catalog.Reading;

/// <summary>
/// Sees every Marten unit of work, whichever command or test runs it. Once one that wrote a product, group, offering
/// or catalog (or an offering's status events) has committed, this node's generation moves on and the writer waits
/// until this node's snapshot holds it, so the writer's next read (and its answer's) shows its own write.
/// </summary>
internal sealed class CatalogChangeTracker(CatalogChanges changes, Func<CatalogReadModel> model) : DocumentSessionListenerBase
{
    private static readonly HashSet<Type> CatalogDocuments =
        [typeof(ProductDocument), typeof(OfferingGroupDocument), typeof(OfferingDocument), typeof(CatalogDocument)];

    public override async Task AfterCommitAsync(IDocumentSession session, IChangeSet commit, CancellationToken token)
    {
        // The unit of work is still the committed one here: Marten resets it after its listeners ran.
        var changed = Changed(session.PendingChanges).ToList();
        if (changed.Count == 0) return;
        // An operation without its document (a delete by id, a raw patch) cannot be read again by id.
        if (changed.Any(k => k.Id.Length == 0)) changes.Reload();
        changes.Committed(changed.Where(k => k.Id.Length > 0));
        await model().CatchUpAsync(token);
    }

    /// <summary>What the unit of work wrote; an operation without its document (a delete, a raw patch) has an empty id.</summary>
    private static IEnumerable<ResourceKey> Changed(IUnitOfWork work)
    {
        var written = work.AllChangedFor<ProductDocument>().Select(p => new ResourceKey(ResourceTypes.Product, p.Id))
            .Concat(work.AllChangedFor<OfferingGroupDocument>().Select(g => new ResourceKey(ResourceTypes.ProductOfferingGroup, g.Id)))
            .Concat(work.AllChangedFor<OfferingDocument>().Select(o => new ResourceKey(ResourceTypes.ProductOffering, o.Id)))
            .Concat(work.AllChangedFor<CatalogDocument>().Select(c => new ResourceKey(ResourceTypes.ProductCatalog, c.Id)))
            .Concat(work.Streams().Where(s => s.Events.Any(e => e.EventType.Assembly == typeof(CatalogChanges).Assembly))
                .Select(s => new ResourceKey(ResourceTypes.ProductOffering, s.Key ?? "")))
            .ToList();
        var operations = work.Operations().Count(o => o.DocumentType is { } type && CatalogDocuments.Contains(type));
        // Operations beyond the documents written (deletes, patches) are not known by id.
        return operations > written.Count(k => k.Type != ResourceTypes.ProductOffering || k.Id.Length > 0)
            ? written.Append(new ResourceKey(ResourceTypes.Product, "")) : written;
    }
}
