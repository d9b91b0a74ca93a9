using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.ChangeLog;
using Marten;

namespace Connect.Catalog.ChangeLog;

/// <summary>
/// What the Catalog's commands log (spec §7): each resource as its GET shows it (a catalog in its management form),
/// and, when a product or group changes, the offerings that embed it, which read differently from then on.
/// </summary>
internal sealed class CatalogChangeLog(ChangeRecorder recorder, IQuerySession session, OfferingAssembler assembler)
{
    public void Product(ProductDocument product, string change) =>
        recorder.Record(ResourceTypes.Product, product.Id, change, product.ToResponse(), product.UpdatedAt);

    public void Group(OfferingGroupDocument group, string change) =>
        recorder.Record(ResourceTypes.ProductOfferingGroup, group.Id, change, group.ToResponse(), group.UpdatedAt);

    public void Offering(ProductOffering offering, string change, DateTimeOffset at, string? reason = null, string? changedBy = null) =>
        recorder.Record(ResourceTypes.ProductOffering, offering.ProductOfferingId, change, offering, at, reason, changedBy);

    public void Catalog(CatalogDocument catalog, string change) =>
        recorder.Record(ResourceTypes.ProductCatalog, catalog.Id, change, ManagedCatalog.Of(catalog), catalog.UpdatedAt);

    /// <summary>
    /// The offerings of a product, as they read with the product changed (the log skips those that read as before).
    /// <paramref name="offerings"/> may hold versions changed in this unit of work; the rest are read as stored.
    /// </summary>
    public async Task OfferingsOfProductAsync(ProductDocument product, IReadOnlyList<OfferingDocument> offerings, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (offerings.Count == 0) return;
        var groupIds = offerings.Select(o => o.ProductOfferingGroupId).OfType<string>().Distinct().ToArray();
        var groups = groupIds.Length == 0 ? [] : (await session.LoadManyAsync<OfferingGroupDocument>(cancellationToken, groupIds)).ToDictionary(g => g.Id);
        await RecordOfferingsAsync(offerings, _ => product, o => o.ProductOfferingGroupId is { } g ? groups.GetValueOrDefault(g) : null, at, cancellationToken);
    }

    /// <summary>The offerings of a group, as they read with the group changed (only a new name or category shows).</summary>
    public async Task OfferingsOfGroupAsync(OfferingGroupDocument group, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var offerings = await session.Query<OfferingDocument>().Where(o => o.ProductOfferingGroupId == group.Id).ToListAsync(cancellationToken);
        if (offerings.Count == 0) return;
        var productIds = offerings.Select(o => o.ProductId).Distinct().ToArray();
        var products = (await session.LoadManyAsync<ProductDocument>(cancellationToken, productIds)).ToDictionary(p => p.Id);
        await RecordOfferingsAsync(offerings, o => products.GetValueOrDefault(o.ProductId), _ => group, at, cancellationToken);
    }

    private async Task RecordOfferingsAsync(IReadOnlyList<OfferingDocument> offerings, Func<OfferingDocument, ProductDocument?> product,
        Func<OfferingDocument, OfferingGroupDocument?> group, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var prices = await assembler.PriceAsync(offerings, null, cancellationToken);
        foreach (var offering in offerings.OrderBy(o => o.Id, StringComparer.Ordinal))
            Offering(OfferingAssembler.ToResponse(offering, product(offering), group(offering), prices[offering.Id]), ChangeKinds.Updated, at);
    }
}
