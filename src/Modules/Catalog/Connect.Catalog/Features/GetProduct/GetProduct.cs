using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A product by id; null when it does not exist.</summary>
/// <param name="ProductId">The product's id.</param>
internal sealed record GetProduct(string ProductId) : IQuery<Product?>;

internal sealed class GetProductHandler(IQuerySession session) : IQueryHandler<GetProduct, Product?>
{
    public async ValueTask<Product?> Handle(GetProduct query, CancellationToken cancellationToken)
    {
        var product = await session.LoadAsync<ProductDocument>(query.ProductId, cancellationToken);
        return product?.ToResponse();
    }
}
