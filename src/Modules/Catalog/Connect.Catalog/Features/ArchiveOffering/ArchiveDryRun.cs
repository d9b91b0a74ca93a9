using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.Pricing.Contracts;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>
/// <c>POST /product-offerings/{id}/archive?dryRun=true</c> (spec §10): what archiving the offering would do, computed
/// without writing or logging anything (a query, so no unit of work, audit line or log entry follows it).
/// </summary>
internal sealed record ArchiveDryRun(string ProductOfferingId, string? Reason) : IQuery<ArchiveImpact>;

/// <summary>The same body rules as the archive itself.</summary>
internal sealed class ArchiveDryRunValidator : AbstractValidator<ArchiveDryRun>
{
    public ArchiveDryRunValidator()
    {
        RuleFor(q => q.ProductOfferingId).NotEmpty();
        RuleFor(q => q.Reason).NotEmpty().MaximumLength(StatusChangeRules.MaxReasonLength);
    }
}

internal sealed record ArchiveImpact(
    string ProductOfferingId, bool WouldChange, string? Conflict, IReadOnlyList<CatalogImpact> Catalogs,
    IReadOnlyList<PromoCodeImpact> PromoCodes, IReadOnlyList<StrandedAddon> StrandedAddons);

internal sealed record CatalogImpact(string ProductCatalogId, string Name, bool IsDefault, int AvailableOfferingsAfter);

internal sealed record StrandedAddon(string ProductOfferingId, string ProductCatalogId);

internal sealed class ArchiveDryRunHandler(IQuerySession session, ISender sender) : IQueryHandler<ArchiveDryRun, ArchiveImpact>
{
    public async ValueTask<ArchiveImpact> Handle(ArchiveDryRun query, CancellationToken cancellationToken)
    {
        var id = query.ProductOfferingId;
        var offering = await session.LoadAsync<OfferingDocument>(id, cancellationToken) ?? throw new NotFoundException("Product offering", id);
        if (offering.Status != OfferingStatus.Available)
            return new ArchiveImpact(id, false, $"Product offering '{id}' is already {WireEnum<OfferingStatus>.Name(offering.Status)}.", [], [], []);

        var catalogs = await session.Query<CatalogDocument>().Where(c => c.ProductOfferingIds.Contains(id)).ToListAsync(cancellationToken);
        var remaining = await session.Query<OfferingDocument>().Where(o => o.Status == OfferingStatus.Available && o.Id != id).ToListAsync(cancellationToken);
        var available = remaining.ToDictionary(o => o.Id, StringComparer.Ordinal);
        var impacts = new List<CatalogImpact>();
        var stranded = new List<StrandedAddon>();
        foreach (var catalog in catalogs.OrderBy(c => c.Id, StringComparer.Ordinal))
        {
            var after = catalog.ProductOfferingIds.Distinct().Select(available.GetValueOrDefault).OfType<OfferingDocument>()
                .Where(o => o.CustomerType == catalog.CustomerType).ToList();
            impacts.Add(new CatalogImpact(catalog.Id, catalog.Name, catalog.IsDefault, after.Count));
            var before = offering.CustomerType == catalog.CustomerType ? [.. after, offering] : after;
            stranded.AddRange(after.Where(o => Stranded(o, after) && !Stranded(o, before)).Select(o => new StrandedAddon(o.Id, catalog.Id)));
        }
        var codes = await sender.Send(new PromoCodesLosingTargets(OfferingAssembler.PricingInputOf(offering),
            [.. remaining.Select(OfferingAssembler.PricingInputOf)]), cancellationToken);
        return new ArchiveImpact(id, true, null, impacts, codes, stranded);
    }

    /// <summary>An add-on no AVAILABLE subscription among <paramref name="sold"/> takes (none of its categories fits one).</summary>
    private static bool Stranded(OfferingDocument addon, IReadOnlyList<OfferingDocument> sold) =>
        addon.ProductType == ProductType.SubscriptionAddon &&
        !sold.Any(s => s.ProductType == ProductType.Subscription && addon.AddonCategories.Contains(s.ProductCategory));
}
