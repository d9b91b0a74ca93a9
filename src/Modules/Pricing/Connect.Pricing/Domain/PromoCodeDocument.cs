using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Domain;

/// <summary>A promo code as stored (schema <c>pricing</c>). Its id is the code in upper case, so codes are unique ignoring case.</summary>
internal sealed class PromoCodeDocument
{
    public string Id { get; set; } = "";
    public DiscountType DiscountType { get; set; }
    public decimal Value { get; set; }
    public string? Currency { get; set; }
    public DateTimeOffset? ValidFrom { get; set; }
    public DateTimeOffset? ValidUntil { get; set; }
    public List<string> ProductOfferingIds { get; set; } = [];
    public List<string> ProductOfferingGroupIds { get; set; } = [];
    public List<ProductCategory> Categories { get; set; } = [];
    public List<ProductType> Types { get; set; } = [];
    public CustomerType? CustomerType { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? DeactivatedAt { get; set; }

    public bool IsActive => DeactivatedAt is null;

    private PromoTargets? _targets;

    /// <summary>
    /// The target lists as sets, built on first use and kept with the document (the promo code cache shares one
    /// document across requests, and a stored code's lists never change). Not public, so never serialized.
    /// </summary>
    internal PromoTargets Targets => _targets ??= new PromoTargets(this);

    /// <summary>
    /// The code's event stream. All modules share one stream table keyed by string, and a code may equal an
    /// offering id: the prefix keeps the two apart (':' never appears in an id or a code).
    /// </summary>
    public static string StreamKey(string normalizedCode) => "promo:" + normalizedCode;

    /// <summary>Codes are case-insensitive: they are stored and looked up in upper case.</summary>
    public static string Normalize(string code) => code.ToUpperInvariant();

    /// <summary>The stored shape of a code as the API showed it (for a code as it stood in the past).</summary>
    public static PromoCodeDocument FromContract(PromoCode code) => new()
    {
        Id = code.Code, DiscountType = code.DiscountType, Value = code.Value, Currency = code.Currency, ValidFrom = code.ValidFrom,
        ValidUntil = code.ValidUntil, ProductOfferingIds = [.. code.AppliesTo.ProductOfferingIds],
        ProductOfferingGroupIds = [.. code.AppliesTo.ProductOfferingGroupIds], Categories = [.. code.AppliesTo.Categories],
        Types = [.. code.AppliesTo.Types], CustomerType = code.CustomerType, CreatedAt = code.CreatedAt, UpdatedAt = code.UpdatedAt,
        DeactivatedAt = code.DeactivatedAt,
    };

    /// <summary>The code as the API shows it.</summary>
    /// <param name="archivedTargets">Which of <see cref="ProductOfferingIds"/> Catalog has archived.</param>
    public PromoCode ToContract(IReadOnlyList<string> archivedTargets) => new()
    {
        Code = Id,
        DiscountType = DiscountType,
        Value = Value,
        Currency = Currency,
        ValidFrom = ValidFrom,
        ValidUntil = ValidUntil,
        AppliesTo = new PromoCodeTargets
        {
            ProductOfferingIds = ProductOfferingIds,
            ProductOfferingGroupIds = ProductOfferingGroupIds,
            Categories = Categories,
            Types = Types,
        },
        CustomerType = CustomerType,
        Status = IsActive ? PromoCodeStatus.Active : PromoCodeStatus.Inactive,
        CreatedAt = CreatedAt,
        UpdatedAt = UpdatedAt,
        DeactivatedAt = DeactivatedAt,
        ArchivedTargets = archivedTargets,
        TargetsOnlyArchivedOfferings = ProductOfferingIds.Count > 0 && ProductOfferingGroupIds.Count == 0 && Categories.Count == 0 &&
                                       Types.Count == 0 && archivedTargets.Count == ProductOfferingIds.Count,
    };
}

/// <summary>First event of a code's stream: the code as created.</summary>
internal sealed record PromoCodeCreated(string Code, DiscountType DiscountType, decimal Value, string? Currency,
    DateTimeOffset? ValidFrom, DateTimeOffset? ValidUntil, PromoCodeTargets AppliesTo, CustomerType? CustomerType,
    DateTimeOffset OccurredAt, string? ChangedBy);

/// <summary>The code was deactivated for good.</summary>
internal sealed record PromoCodeDeactivated(string Code, string? Reason, DateTimeOffset OccurredAt, string? ChangedBy);
