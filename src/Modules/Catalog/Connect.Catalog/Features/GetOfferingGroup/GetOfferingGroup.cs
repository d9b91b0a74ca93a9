using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A group by id; null when it does not exist.</summary>
/// <param name="ProductOfferingGroupId">The group's id.</param>
internal sealed record GetProductOfferingGroup(string ProductOfferingGroupId) : IQuery<ProductOfferingGroup?>;

internal sealed class GetOfferingGroupHandler(IQuerySession session) : IQueryHandler<GetProductOfferingGroup, ProductOfferingGroup?>
{
    public async ValueTask<ProductOfferingGroup?> Handle(GetProductOfferingGroup query, CancellationToken cancellationToken)
    {
        var group = await session.LoadAsync<OfferingGroupDocument>(query.ProductOfferingGroupId, cancellationToken);
        return group?.ToResponse();
    }
}
