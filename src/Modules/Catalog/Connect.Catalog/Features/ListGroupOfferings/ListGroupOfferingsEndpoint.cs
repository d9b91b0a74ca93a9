using Connect.Catalog.Contracts;
using Connect.Catalog.Http;
using Connect.Catalog.Reading;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-offering-groups/{id}/offerings</c>: the offering list (filters, sort, paging) of one group; 404 for an unknown group.</summary>
internal static class ListGroupOfferingsEndpoint
{
    public static void MapListGroupOfferings(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-offering-groups/{productOfferingGroupId}/offerings", async (string productOfferingGroupId, HttpContext http, ISender sender,
                CatalogReadModel model) =>
            {
                var list = ListOfferingsEndpoint.Query(http);
                var page = await sender.Send(new ListGroupOfferings(productOfferingGroupId, list))
                    ?? throw new NotFoundException("Product offering group", productOfferingGroupId);
                return ListOfferingsEndpoint.Answer(http, list, page, model);
            })
            .Produces<ListResponse<ProductOffering>>();
}
