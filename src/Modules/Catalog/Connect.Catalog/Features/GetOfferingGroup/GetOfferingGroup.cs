using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Mapster;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

internal sealed class GetOfferingGroupHandler(IQuerySession session) : IQueryHandler<GetProductOfferingGroup, ProductOfferingGroup?>
{
    public async ValueTask<ProductOfferingGroup?> Handle(GetProductOfferingGroup query, CancellationToken cancellationToken)
    {
        var group = await session.LoadAsync<OfferingGroupDocument>(query.ProductOfferingGroupId, cancellationToken);
        return group?.Adapt<ProductOfferingGroup>(CatalogMapping.Config);
    }
}
