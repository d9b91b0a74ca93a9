using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Paging;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>The offerings of one group: <paramref name="List"/> with its group set to this one; null when there is no such group.</summary>
/// <param name="ProductOfferingGroupId">The group's id (it replaces any group filter of the list).</param>
/// <param name="List">The offering list's filters, sort and paging, validated as the list validates them.</param>
internal sealed record ListGroupOfferings(string ProductOfferingGroupId, ListProductOfferings List) : IQuery<Page<ProductOffering>?>;

internal sealed class ListGroupOfferingsHandler(IQuerySession session, ISender sender) : IQueryHandler<ListGroupOfferings, Page<ProductOffering>?>
{
    public async ValueTask<Page<ProductOffering>?> Handle(ListGroupOfferings query, CancellationToken cancellationToken)
    {
        var id = query.ProductOfferingGroupId;
        if (!Ids.IsValid(id)) return null;
        var page = await sender.Send(query.List with { ProductOfferingGroupId = id }, cancellationToken);
        // An empty page is a group without matches or no group at all: only then is the database asked which.
        return page.Total > 0 || await session.LoadAsync<OfferingGroupDocument>(id, cancellationToken) is not null ? page : null;
    }
}
