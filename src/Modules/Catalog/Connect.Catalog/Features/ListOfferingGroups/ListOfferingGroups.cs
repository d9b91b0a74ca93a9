using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Mapster;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features;

internal sealed class ListProductOfferingGroupsValidator : AbstractValidator<ListProductOfferingGroups>
{
    public ListProductOfferingGroupsValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
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
