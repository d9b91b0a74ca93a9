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
        var groups = await session.Query<OfferingGroupDocument>()
            .Stats(out QueryStatistics stats)
            .OrderBy(g => g.Name).ThenBy(g => g.Id)
            .Skip(query.Offset).Take(query.Limit)
            .ToListAsync(cancellationToken);
        var total = await PageTotals.TotalAsync(session.Query<OfferingGroupDocument>(), stats, groups.Count, query.Offset, cancellationToken);
        return new Page<ProductOfferingGroup>(
            groups.Select(g => g.Adapt<ProductOfferingGroup>(CatalogMapping.Config)).ToList(),
            total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
