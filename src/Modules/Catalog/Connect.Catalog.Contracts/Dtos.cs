using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;

namespace Connect.Catalog.Contracts;

#pragma warning disable CS1591 // field-for-field the published schema (spec §4), which documents each field
/// <summary>A product plus its price, as the published API shows it.</summary>
public sealed record ProductOffering
{
    public required string ProductOfferingId { get; init; }
    public required string Name { get; init; }
    public required Price Price { get; init; }
    public required OfferingStatus Status { get; init; }
    public string? Description { get; init; }
    public string? RichContent { get; init; }
    public required string ProductId { get; init; }
    public Product? Product { get; init; }
    public string? ProductOfferingGroupId { get; init; }
    public ProductOfferingGroupSummary? Group { get; init; }
    public required CustomerType CustomerType { get; init; }
    public IReadOnlyList<ProductCategory> AddonCategories { get; init; } = [];
    public string? InternalDescription { get; init; }
    public string? ImageUrl { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
}

/// <summary>Price as shown: <c>netPrice = grossPrice − discount</c>, never below 0.</summary>
public sealed record Price
{
    public required string Currency { get; init; }
    public required PriceType PriceType { get; init; }
    public required decimal GrossPrice { get; init; }
    public required decimal Discount { get; init; }
    public required decimal NetPrice { get; init; }
    public int? BoundMonths { get; init; }
    public BillingCycle? BillingCycle { get; init; }
    public required bool TaxIncluded { get; init; }
}

public sealed record BillingCycle(BillingPeriod Period, int Interval);

public sealed record Product
{
    public required string ProductId { get; init; }
    public required string InternalName { get; init; }
    public required ProductType Type { get; init; }
    public required ProductCategory Category { get; init; }
    public string? NetworkProviderId { get; init; }
    public ProductFeatures? Features { get; init; }
    public IReadOnlyDictionary<string, RequirementLevel> Requirements { get; init; } = new Dictionary<string, RequirementLevel>();
}

public sealed record ProductFeatures
{
    public long? DataMb { get; init; }
    public long? IncludedCallSeconds { get; init; }
    public long? IncludedSms { get; init; }
    public int? ValidityDays { get; init; }
    [MaxLength(CatalogBounds.Countries)] public IReadOnlyList<string>? Countries { get; init; }
    [MaxLength(CatalogBounds.Regions), ItemMaxLength(CatalogBounds.Region)] public IReadOnlyList<string>? Regions { get; init; }
    public ActivationType? ActivationType { get; init; }
}

/// <summary>The short group form embedded in an offering.</summary>
public sealed record ProductOfferingGroupSummary(string ProductOfferingGroupId, string Name, ProductCategory? Category);

public sealed record ProductOfferingGroup
{
    public required string ProductOfferingGroupId { get; init; }
    public required string Name { get; init; }
    public ProductCategory? Category { get; init; }
    public string? Description { get; init; }
    public string? InternalDescription { get; init; }
}

/// <summary>
/// A catalog. <c>external_reference</c> and <c>ProductOfferingGroups</c> are spelled exactly as in the
/// published API. <c>locale</c> and <c>isDefault</c> are additions so operators can see what they set.
/// </summary>
public sealed record ProductCatalog
{
    public required string ProductCatalogId { get; init; }
    public required string Name { get; init; }

    /// <summary>Left out of list responses (spec §3).</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<ProductOffering>? ProductOfferings { get; init; }

    [JsonPropertyName("external_reference")]
    public string? ExternalReference { get; init; }
    public string? Description { get; init; }

    [JsonPropertyName("ProductOfferingGroups")]
    public IReadOnlyList<ProductOfferingGroup> ProductOfferingGroups { get; init; } = [];
    public required DateTimeOffset CreatedAt { get; init; }
    public required DateTimeOffset UpdatedAt { get; init; }
    public IReadOnlyDictionary<string, JsonElement>? Metadata { get; init; }
    public required CustomerType CustomerType { get; init; }
    public string? Locale { get; init; }
    public bool IsDefault { get; init; }
}
#pragma warning restore CS1591
