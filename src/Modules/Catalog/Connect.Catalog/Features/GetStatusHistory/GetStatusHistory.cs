using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offerings/{id}/status-history</c>: read from the offering's event stream, oldest first.</summary>
internal sealed class GetStatusHistoryHandler(IQuerySession session)
    : IQueryHandler<GetProductOfferingStatusHistory, ProductOfferingStatusHistory?>
{
    public async ValueTask<ProductOfferingStatusHistory?> Handle(GetProductOfferingStatusHistory query, CancellationToken cancellationToken)
    {
        var offering = await session.LoadAsync<OfferingDocument>(query.ProductOfferingId, cancellationToken);
        if (offering is null) return null;
        var stream = await OfferingStatusStream.LoadAsync(session, offering, cancellationToken);
        return new ProductOfferingStatusHistory(stream.History());
    }
}
