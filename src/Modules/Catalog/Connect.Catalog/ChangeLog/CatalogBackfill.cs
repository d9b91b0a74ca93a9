using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.ChangeLog;
using Marten;

namespace Connect.Catalog.ChangeLog;

/// <summary>Products, groups, offerings and catalogs stored before the log existed, each as its first entry shows it.</summary>
internal sealed class CatalogBackfill(IQuerySession session, OfferingAssembler assembler) : IChangeLogBackfill
{
    public async Task<IReadOnlyList<BackfillEntry>> MissingAsync(IReadOnlySet<(string Type, string Id)> logged, CancellationToken cancellationToken)
    {
        var entries = new List<BackfillEntry>();
        foreach (var p in await MissingAsync<ProductDocument>(ResourceTypes.Product, logged, d => d.Id, cancellationToken))
            entries.Add(new(ResourceTypes.Product, p.Id, p.CreatedAt, p.ToResponse()));
        foreach (var g in await MissingAsync<OfferingGroupDocument>(ResourceTypes.ProductOfferingGroup, logged, d => d.Id, cancellationToken))
            entries.Add(new(ResourceTypes.ProductOfferingGroup, g.Id, g.CreatedAt, g.ToResponse()));
        var offerings = await MissingAsync<OfferingDocument>(ResourceTypes.ProductOffering, logged, d => d.Id, cancellationToken);
        if (offerings.Count > 0)
            foreach (var (document, shown) in offerings.Zip(await assembler.AssembleAsync(offerings, null, cancellationToken)))
                entries.Add(new(ResourceTypes.ProductOffering, document.Id, document.CreatedAt, shown));
        foreach (var c in await MissingAsync<CatalogDocument>(ResourceTypes.ProductCatalog, logged, d => d.Id, cancellationToken))
            entries.Add(new(ResourceTypes.ProductCatalog, c.Id, c.CreatedAt, ManagedCatalog.Of(c)));
        return entries;
    }

    // Ids first, so a start on an upgraded database reads no documents at all.
    private async Task<IReadOnlyList<T>> MissingAsync<T>(string type, IReadOnlySet<(string Type, string Id)> logged,
        System.Linq.Expressions.Expression<Func<T, string>> id, CancellationToken cancellationToken) where T : notnull
    {
        var missing = (await session.Query<T>().Select(id).ToListAsync(cancellationToken)).Where(i => !logged.Contains((type, i))).ToArray();
        return missing.Length == 0 ? [] : [.. await session.LoadManyAsync<T>(cancellationToken, missing)];
    }
}
