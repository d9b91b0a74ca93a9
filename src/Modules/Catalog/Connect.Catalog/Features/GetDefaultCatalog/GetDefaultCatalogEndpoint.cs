using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Http;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>GET /product-catalogs/default</c>: the default catalog for the caller's customer context.</summary>
internal static class GetDefaultCatalogEndpoint
{
    public static void MapGetDefaultCatalog(this IEndpointRouteBuilder app) =>
        app.MapGet("/product-catalogs/default", async (string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
            {
                var caller = Caller.Context(http);
                if (AsOfReads.Instant(http) is { } at)
                    return AsOfReads.Answer(http, await history.DefaultCatalogAsync(caller.CustomerType, caller.Locale, at, promoCode, http.RequestAborted),
                        "Default product catalog", $"{caller.CustomerType}/{caller.Locale}");
                var catalog = await sender.Send(new GetDefaultProductCatalogRendering(caller.CustomerType, caller.Locale, promoCode));
                return JsonRendering.Respond(http, catalog, "Default product catalog", $"{caller.CustomerType}/{caller.Locale}");
            })
            .WithMetadata(new VaryByHeaders("Accept-Language"))
            .Produces<ProductCatalog>();
}
