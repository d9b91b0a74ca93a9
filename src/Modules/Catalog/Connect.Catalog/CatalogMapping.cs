using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Features;
using Connect.Catalog.Json;

namespace Connect.Catalog;

/// <summary>
/// Documents to what they are shown as and to the writable forms a PATCH merges into, written out field by field
/// as every module maps (a test checks that each form is filled in completely).
/// </summary>
internal static class CatalogMapping
{
    public static Product ToResponse(this ProductDocument product) => new()
    {
        ProductId = product.Id,
        InternalName = product.InternalName,
        Type = product.Type,
        Category = product.Category,
        NetworkProviderId = product.NetworkProviderId,
        Features = product.Features,
        Requirements = CanonicalJson.Ordered(product.Requirements)!,
    };

    public static CreateProduct ToForm(this ProductDocument product) => new()
    {
        ProductId = product.Id,
        InternalName = product.InternalName,
        Type = product.Type,
        Category = product.Category,
        NetworkProviderId = product.NetworkProviderId,
        Features = product.Features,
        Requirements = new(product.Requirements),
    };

    public static ProductOfferingGroup ToResponse(this OfferingGroupDocument group) => new()
    {
        ProductOfferingGroupId = group.Id,
        Name = group.Name,
        Category = group.Category,
        Description = group.Description,
        InternalDescription = group.InternalDescription,
    };

    public static CreateOfferingGroup ToForm(this OfferingGroupDocument group) => new()
    {
        ProductOfferingGroupId = group.Id,
        Name = group.Name,
        Category = group.Category,
        Description = group.Description,
        InternalDescription = group.InternalDescription,
    };

    public static CreateOffering ToForm(this OfferingDocument offering) => new()
    {
        ProductOfferingId = offering.Id,
        Name = offering.Name,
        ProductId = offering.ProductId,
        ProductOfferingGroupId = offering.ProductOfferingGroupId,
        CustomerType = offering.CustomerType,
        Price = new()
        {
            Currency = offering.Price.Currency,
            PriceType = offering.Price.PriceType,
            GrossPrice = offering.Price.GrossPrice,
            Discount = offering.Price.Discount,
            BoundMonths = offering.Price.BoundMonths,
            BillingCycle = offering.Price.BillingCycle,
            TaxIncluded = offering.Price.TaxIncluded,
        },
        Description = offering.Description,
        RichContent = offering.RichContent,
        AddonCategories = [.. offering.AddonCategories],
        InternalDescription = offering.InternalDescription,
        ImageUrl = offering.ImageUrl,
        Metadata = offering.Metadata is null ? null : new(offering.Metadata),
    };

    public static CreateCatalog ToForm(this CatalogDocument catalog) => new()
    {
        ProductCatalogId = catalog.Id,
        Name = catalog.Name,
        ExternalReference = catalog.ExternalReference,
        Description = catalog.Description,
        CustomerType = catalog.CustomerType,
        Locale = catalog.Locale,
        IsDefault = catalog.IsDefault,
        ProductOfferingIds = [.. catalog.ProductOfferingIds],
        ProductOfferingGroupIds = [.. catalog.ProductOfferingGroupIds],
        Metadata = catalog.Metadata is null ? null : new(catalog.Metadata),
    };
}
