using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A page of groups ordered by name.</summary>
/// <param name="Limit">1 to 1000.</param>
/// <param name="Offset">0 or more.</param>
internal sealed record ListProductOfferingGroups(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<ProductOfferingGroup>>;

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
            groups.Select(g => g.ToResponse()).ToList(),
            total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
