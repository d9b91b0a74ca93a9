using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A page of catalogs, offerings left out, ordered by name.</summary>
/// <param name="Limit">1 to 1000.</param>
/// <param name="Offset">0 or more.</param>
internal sealed record ListProductCatalogs(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<ProductCatalog>>;

internal sealed class ListProductCatalogsValidator : AbstractValidator<ListProductCatalogs>
{
    public ListProductCatalogsValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListCatalogsHandler(IQuerySession session, CatalogAssembler assembler)
    : IQueryHandler<ListProductCatalogs, Page<ProductCatalog>>
{
    public async ValueTask<Page<ProductCatalog>> Handle(ListProductCatalogs query, CancellationToken cancellationToken)
    {
        var (catalogs, total) = await session.PageAsync<CatalogDocument>(
            q => q.OrderBy(c => c.Name).ThenBy(c => c.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<ProductCatalog>(await assembler.Summarize(catalogs, cancellationToken), total, query.Limit, query.Offset, "name", SortDirection.Asc);
    }
}
