using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Paging;
using Mapster;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features.Groups;

internal sealed class GetOfferingGroupHandler(IQuerySession session) : IQueryHandler<GetProductOfferingGroup, ProductOfferingGroup?>
{
    public async ValueTask<ProductOfferingGroup?> Handle(GetProductOfferingGroup query, CancellationToken cancellationToken)
    {
        var group = await session.LoadAsync<OfferingGroupDocument>(query.ProductOfferingGroupId, cancellationToken);
        return group?.Adapt<ProductOfferingGroup>(CatalogMapping.Config);
    }
}

internal sealed class ListOfferingGroupsHandler(IQuerySession session)
    : IQueryHandler<ListProductOfferingGroups, Page<ProductOfferingGroup>>
{
    public async ValueTask<Page<ProductOfferingGroup>> Handle(ListProductOfferingGroups query, CancellationToken cancellationToken)
    {
        var (groups, total) = await session.PageAsync<OfferingGroupDocument>(
            q => q.OrderBy(g => g.Name).ThenBy(g => g.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<ProductOfferingGroup>(
            groups.Select(g => g.Adapt<ProductOfferingGroup>(CatalogMapping.Config)).ToList(),
            total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
