using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Catalog.Domain;

internal sealed class ProductDocument
{
    public string Id { get; set; } = "";
    public string InternalName { get; set; } = "";
    public ProductType Type { get; set; }
    public ProductCategory Category { get; set; }
    public string? NetworkProviderId { get; set; }
    public ProductFeatures? Features { get; set; }
    public Dictionary<string, RequirementLevel> Requirements { get; set; } = [];
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class OfferingGroupDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public ProductCategory? Category { get; set; }
    public string? Description { get; set; }
    public string? InternalDescription { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

internal sealed class StoredPrice
{
    public string Currency { get; set; } = "";
    public PriceType PriceType { get; set; }
    public decimal GrossPrice { get; set; }
    public decimal Discount { get; set; }
    public int? BoundMonths { get; set; }
    public BillingCycle? BillingCycle { get; set; }
    public bool TaxIncluded { get; set; }
}

internal sealed class OfferingDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string ProductId { get; set; } = "";
    public string? ProductOfferingGroupId { get; set; }
    public CustomerType CustomerType { get; set; }
    public StoredPrice Price { get; set; } = new();
    public OfferingStatus Status { get; set; } = OfferingStatus.Available;
    public string? Description { get; set; }
    public string? RichContent { get; set; }
    public List<ProductCategory> AddonCategories { get; set; } = [];
    public string? InternalDescription { get; set; }
    public string? ImageUrl { get; set; }
    public Dictionary<string, JsonElement>? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    // Copied from the product so the list can filter by them in SQL; kept in step when a product changes.
    public ProductType ProductType { get; set; }
    public ProductCategory ProductCategory { get; set; }

    // The base net price, stored so the list can sort by it in SQL.
    public decimal NetPrice { get; set; }

    public void CopyFrom(ProductDocument product)
    {
        ProductType = product.Type;
        ProductCategory = product.Category;
    }
}

internal sealed class CatalogDocument
{
    public string Id { get; set; } = "";
    public string Name { get; set; } = "";
    public string? ExternalReference { get; set; }
    public string? Description { get; set; }
    public CustomerType CustomerType { get; set; }
    public string? Locale { get; set; }
    public bool IsDefault { get; set; }
    public List<string> ProductOfferingIds { get; set; } = [];
    public List<string> ProductOfferingGroupIds { get; set; } = [];
    public Dictionary<string, JsonElement>? Metadata { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }

    /// <summary>
    /// "CONSUMER|en-us" while this catalog is a default, else null. A unique index on it makes "at most
    /// one default per (customerType, locale)" hold even under concurrent writes.
    /// </summary>
    public string? DefaultKey { get; set; }

    public void RefreshDefaultKey() =>
        DefaultKey = IsDefault ? $"{CustomerType}|{Locale?.ToLowerInvariant() ?? "*"}" : null;
}
