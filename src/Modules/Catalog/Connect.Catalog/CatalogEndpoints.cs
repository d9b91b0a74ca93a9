using Connect.Catalog.Features;
using Connect.Catalog.Features.ListChanges;
using Connect.Catalog.Features.ReadAsOf;
using Connect.Catalog.Features.ScheduledChanges;
using Connect.Identity.Contracts;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog;

/// <summary>
/// The Catalog module's HTTP surface: public reads (spec §3) and management commands (spec §5), one line per use case.
/// The order is the OpenAPI document's order.
/// </summary>
internal static class CatalogEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("").RequireAuthorization(Scopes.CatalogRead).WithTags("Catalog (read)");
        read.MapGetOffering();
        read.MapListOfferings();
        read.MapGetDefaultCatalog();
        read.MapGetCatalog();
        read.MapListCatalogs();
        read.MapListOfferingGroups();
        read.MapGetOfferingGroup();
        read.MapListGroupOfferings();
        read.MapListChanges();
        read.MapCatalogDiff();
        read.MapGetStatusHistory();

        var write = app.MapGroup("").RequireAuthorization(Scopes.CatalogWrite).WithTags("Catalog (management)");
        write.MapCreateProduct();
        write.MapGetProduct();
        write.MapPatchProduct();
        write.MapCreateOfferingGroup();
        write.MapPatchOfferingGroup();
        write.MapCreateOffering();
        write.MapPatchOffering();
        write.MapArchiveOffering();
        write.MapRestoreOffering();
        write.MapScheduledChanges();
        write.MapCreateCatalog();
        write.MapPatchCatalog();
    }
}
