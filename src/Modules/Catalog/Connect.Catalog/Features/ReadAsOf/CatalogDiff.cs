using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Catalog.Features.ReadAsOf;

/// <summary>
/// <c>GET /product-catalogs/{id}/diff?from=&amp;to=</c> (spec §9): what changed in a catalog between two instants, as the
/// catalog answered at each: offerings added, removed (as they were at <c>from</c>) and changed (with the top-level
/// fields that differ and both representations), and the catalog's own changed fields. Applying it to the catalog at
/// <c>from</c> gives the catalog at <c>to</c>.
/// </summary>
internal static class CatalogDiffEndpoint
{
    public static void MapCatalogDiff(this IEndpointRouteBuilder read) =>
        read.MapGet("/product-catalogs/{productCatalogId}/diff", async (string productCatalogId, HttpContext http, CatalogAsOf history) =>
            {
                var (from, to) = Instants(http);
                var after = await history.ShownAsync(productCatalogId, to, http.RequestAborted) ?? throw new NotFoundException("Product catalog", productCatalogId);
                var before = await history.ShownAsync(productCatalogId, from, http.RequestAborted);
                var options = Respond.JsonOptions(http);
                return Results.Json(Diff(before, after, from, to, options), options);
            })
            .Produces<CatalogDiff>();

    private static (DateTimeOffset From, DateTimeOffset To) Instants(HttpContext http)
    {
        var from = AsOfReads.Instant(http, "from", required: true)!.Value;
        var to = AsOfReads.Instant(http, "to", required: false) ?? http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        if (from > to) throw new ValidationFailedException("from", "from must not be after to.");
        return (from, to);
    }

    private static CatalogDiff Diff(ProductCatalog? before, ProductCatalog after, DateTimeOffset from, DateTimeOffset to, JsonSerializerOptions options)
    {
        var old = (before?.ProductOfferings ?? []).ToDictionary(o => o.ProductOfferingId, StringComparer.Ordinal);
        var now = (after.ProductOfferings ?? []).ToDictionary(o => o.ProductOfferingId, StringComparer.Ordinal);
        var changed = now.Values.Where(o => old.ContainsKey(o.ProductOfferingId))
            .Select(o => new OfferingChange(o.ProductOfferingId, FieldsThatDiffer(old[o.ProductOfferingId], o, options), old[o.ProductOfferingId], o))
            .Where(c => c.Fields.Count > 0).ToList();
        return new CatalogDiff(from, to,
            [.. now.Values.Where(o => !old.ContainsKey(o.ProductOfferingId))],
            [.. old.Values.Where(o => !now.ContainsKey(o.ProductOfferingId))],
            changed,
            FieldsThatDiffer(before is null ? null : before with { ProductOfferings = null }, after with { ProductOfferings = null }, options));
    }

    private static List<string> FieldsThatDiffer<T>(T? before, T after, JsonSerializerOptions options) where T : class
    {
        var a = before is null ? [] : JsonSerializer.SerializeToElement(before, options).EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetRawText());
        return JsonSerializer.SerializeToElement(after, options).EnumerateObject()
            .Where(p => !a.TryGetValue(p.Name, out var value) || value != p.Value.GetRawText()).Select(p => p.Name).Order(StringComparer.Ordinal).ToList();
    }
}

/// <summary>The difference of a catalog between two instants.</summary>
internal sealed record CatalogDiff(DateTimeOffset From, DateTimeOffset To, IReadOnlyList<ProductOffering> Added, IReadOnlyList<ProductOffering> Removed,
    IReadOnlyList<OfferingChange> Changed, IReadOnlyList<string> CatalogFields);

/// <summary>An offering listed at both instants that reads differently.</summary>
internal sealed record OfferingChange(string ProductOfferingId, IReadOnlyList<string> Fields, ProductOffering Before, ProductOffering After);
