using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;

namespace Connect.Pricing.Domain;

/// <summary>
/// A code's target lists as sets, so judging one offering costs a few hash lookups however long the lists are (up to
/// 1 000 entries each): a priced catalog or list asks once per offering shown.
/// </summary>
internal sealed class PromoTargets
{
    private readonly HashSet<string> _offerings;
    private readonly HashSet<string> _groups;
    private readonly HashSet<ProductCategory> _categories;
    private readonly HashSet<ProductType> _types;
    private readonly bool _everything;

    public PromoTargets(PromoCodeDocument code)
    {
        _offerings = new HashSet<string>(code.ProductOfferingIds, StringComparer.Ordinal);
        _groups = new HashSet<string>(code.ProductOfferingGroupIds, StringComparer.Ordinal);
        _categories = [.. code.Categories];
        _types = [.. code.Types];
        _everything = _offerings.Count == 0 && _groups.Count == 0 && _categories.Count == 0 && _types.Count == 0;
    }

    /// <summary>No target lists at all, or a match in any of them (listed offering, group, category or type).</summary>
    public bool Contain(PricingInput offering) =>
        _everything
        || _offerings.Contains(offering.ProductOfferingId)
        || (offering.ProductOfferingGroupId is { } group && _groups.Contains(group))
        || _categories.Contains(offering.ProductCategory)
        || _types.Contains(offering.ProductType);
}
