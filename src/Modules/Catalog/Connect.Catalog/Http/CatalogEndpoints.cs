using Connect.Catalog.Features.ScheduledChanges;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Features.ListChanges;
using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.Catalog.Features.Catalogs;
using Connect.Catalog.Features.Groups;
using Connect.Catalog.Features.Offerings;
using Connect.Catalog.Features.Products;
using Connect.Catalog.Reading;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Http;

/// <summary>The Catalog module's HTTP surface: public reads (spec §3) and management commands (spec §5).</summary>
internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("").RequireAuthorization(Scopes.CatalogRead).WithTags("Catalog (read)");
        read.MapGet("/product-offerings/{productOfferingId}", async (string productOfferingId, string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
                AsOfReads.Instant(http) is { } at
                    ? AsOfReads.Answer(http, await history.OfferingAsync(productOfferingId, at, promoCode, http.RequestAborted), "Product offering", productOfferingId)
                    : Respond.Rendered(http, await sender.Send(new GetProductOfferingRendering(productOfferingId, promoCode)), "Product offering", productOfferingId))
            .Produces<ProductOffering>();
        read.MapGet("/product-offerings", async (HttpContext http, ISender sender, CatalogReadModel model) =>
            {
                var query = OfferingListParsing.OfferingList(http.Request.Query, Caller.Context(http).CustomerType) with { AsOf = AsOfReads.Instant(http) };
                var page = await sender.Send(query);
                if (query.AsOf is not null)
                {
                    var body = Respond.ListBody(http, page, _ => null);
                    return ETags.Json(http, body, ETags.Of(body));
                }
                // Offerings shown as the snapshot rendered them are sent as those bytes; any other is written now.
                var snapshot = model.Latest;
                return Respond.List(http, page, o => snapshot?.Offering(o.ProductOfferingId)?.RenderingOf(o)?.Body);
            })
            .Produces<ListResponse<ProductOffering>>();
        read.MapGet("/product-catalogs/default", async (string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
            {
                var caller = Caller.Context(http);
                if (AsOfReads.Instant(http) is { } at)
                    return AsOfReads.Answer(http, await history.DefaultCatalogAsync(caller.CustomerType, caller.Locale, at, promoCode, http.RequestAborted),
                        "Default product catalog", $"{caller.CustomerType}/{caller.Locale}");
                var catalog = await sender.Send(new GetDefaultProductCatalogRendering(caller.CustomerType, caller.Locale, promoCode));
                return Respond.Rendered(http, catalog, "Default product catalog", $"{caller.CustomerType}/{caller.Locale}");
            })
            .WithMetadata(new VaryByHeaders("Accept-Language"))
            .Produces<ProductCatalog>();
        read.MapGet("/product-catalogs/{productCatalogId}", async (string productCatalogId, string? promoCode, HttpContext http, ISender sender, CatalogAsOf history) =>
                AsOfReads.Instant(http) is { } at
                    ? AsOfReads.Answer(http, await history.CatalogAsync(productCatalogId, at, promoCode, http.RequestAborted), "Product catalog", productCatalogId)
                    : Respond.Rendered(http, await sender.Send(new GetProductCatalogRendering(productCatalogId, promoCode)), "Product catalog", productCatalogId))
            .Produces<ProductCatalog>();
        read.MapGet("/product-catalogs", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListProductCatalogs(limit, offset)));
            })
            .Produces<ListResponse<ProductCatalog>>();
        read.MapGet("/product-offering-groups", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListProductOfferingGroups(limit, offset)));
            })
            .Produces<ListResponse<ProductOfferingGroup>>();
        read.MapGet("/product-offering-groups/{productOfferingGroupId}", async (string productOfferingGroupId, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetProductOfferingGroup(productOfferingGroupId)), "Product offering group", productOfferingGroupId))
            .Produces<ProductOfferingGroup>();
        read.MapListChanges();
        read.MapCatalogDiff();
        read.MapGet("/product-offerings/{productOfferingId}/status-history", async (string productOfferingId, HttpContext http, ISender sender) =>
                Respond.Single(http, await sender.Send(new GetProductOfferingStatusHistory(productOfferingId)), "Product offering", productOfferingId))
            .Produces<ProductOfferingStatusHistory>();

        var write = app.MapGroup("").RequireAuthorization(Scopes.CatalogWrite).WithTags("Catalog (management)");
        write.MapPost("/products", (CreateProduct body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), $"/products/{{0}}", p => p.ProductId)).Produces<Product>(201);
        write.MapGet("/products/{productId}", async (string productId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetProduct(productId)), "Product", productId)).Produces<Product>();
        write.MapPatch("/products/{productId}", (string productId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchProduct(productId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<Product>();

        write.MapPost("/product-offering-groups", (CreateOfferingGroup body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), "/product-offering-groups/{0}", g => g.ProductOfferingGroupId)).Produces<ProductOfferingGroup>(201);
        write.MapPatch("/product-offering-groups/{productOfferingGroupId}", (string productOfferingGroupId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchOfferingGroup(productOfferingGroupId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductOfferingGroup>();

        write.MapPost("/product-offerings", (CreateOffering body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body with { ChangedBy = http.User.GetApiKeyId() }), "/product-offerings/{0}", o => o.ProductOfferingId)).Produces<ProductOffering>(201);
        write.MapPatch("/product-offerings/{productOfferingId}", (string productOfferingId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchOffering(productOfferingId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductOffering>();
        // The body is optional so that a missing one reads as "no reason": archive's validator then names `reason`.
        // dryRun=true answers what the archive would do and changes nothing (spec §10).
        // dryRun=true answers what the archive would do and changes nothing; effectiveAt schedules it (spec §10).
        write.MapPost("/product-offerings/{productOfferingId}/archive", async (string productOfferingId, bool? dryRun, StatusChangeBody? body, HttpContext http, ISender sender) =>
                dryRun == true
                    ? Results.Json(await sender.Send(new Features.ArchiveDryRun.ArchiveDryRun(productOfferingId, body?.Reason)), Respond.JsonOptions(http))
                    : body?.EffectiveAt is { } effectiveAt
                        ? await ScheduledChangesEndpoints.ScheduleAsync(http, sender, productOfferingId, ScheduledStates.Archive, effectiveAt, body.Reason)
                        : await Respond.Updated(http, sender, new ArchiveProductOffering(productOfferingId, body?.Reason, http.User.GetApiKeyId(), Preconditions.Of(http.Request))))
            .Produces<ProductOffering>();
        write.MapPost("/product-offerings/{productOfferingId}/restore", async (string productOfferingId, StatusChangeBody? body, HttpContext http, ISender sender) =>
                body?.EffectiveAt is { } effectiveAt
                    ? await ScheduledChangesEndpoints.ScheduleAsync(http, sender, productOfferingId, ScheduledStates.Restore, effectiveAt, body.Reason)
                    : await Respond.Updated(http, sender, new RestoreProductOffering(productOfferingId, body?.Reason, http.User.GetApiKeyId(), Preconditions.Of(http.Request))))
            .Produces<ProductOffering>();
        write.MapScheduledChanges();

        write.MapPost("/product-catalogs", (CreateCatalog body, HttpContext http, ISender sender) =>
            Respond.Created(http, () => sender.Send(body), "/product-catalogs/{0}", c => c.ProductCatalogId)).Produces<ProductCatalog>(201);
        write.MapPatch("/product-catalogs/{productCatalogId}", (string productCatalogId, JsonElement body, HttpContext http, ISender sender) =>
            Respond.Updated(http, sender, new PatchCatalog(productCatalogId, Respond.PatchBody(body), Preconditions.Of(http.Request)))).Produces<ProductCatalog>();
    }
}

/// <summary>Body of archive and restore (spec §5).</summary>
/// <param name="Reason">Why; required for archive, optional for restore.</param>
/// <param name="EffectiveAt">When to make the change, if not now (a future instant; spec §10).</param>
internal sealed record StatusChangeBody(string? Reason, DateTimeOffset? EffectiveAt = null);

/// <summary>Who is calling: the key's customer context, with Accept-Language overriding the locale for one request.</summary>
internal static class Caller
{
    public static CustomerContext Context(HttpContext http)
    {
        var context = http.User.GetCustomerContext();
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*" && (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!)
            .FirstOrDefault();
        return preferred is null || preferred.Length > 35 ? context : context with { Locale = preferred };
    }
}
