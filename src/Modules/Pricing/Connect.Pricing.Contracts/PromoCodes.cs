using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Domain;

namespace Connect.Pricing.Contracts;

/// <summary>How a promo code discounts.</summary>
public enum DiscountType
{
    /// <summary>A share of the offering's price after its own discount (0 &lt; value ≤ 100).</summary>
    [JsonStringEnumMemberName("PERCENTAGE")] Percentage = 1,

    /// <summary>A fixed amount in one currency; applies only to offerings priced in that currency.</summary>
    [JsonStringEnumMemberName("AMOUNT")] Amount,
}

/// <summary>Whether a promo code can still be used (validity dates aside).</summary>
public enum PromoCodeStatus
{
    /// <summary>Usable within its validity window.</summary>
    [JsonStringEnumMemberName("ACTIVE")] Active = 1,

    /// <summary>Deactivated for good.</summary>
    [JsonStringEnumMemberName("INACTIVE")] Inactive,
}

/// <summary>
/// What a promo code applies to. Every list empty: every offering. Otherwise an offering is targeted when it
/// is listed, is in a listed group, or has a listed category or product type.
/// </summary>
public sealed record PromoCodeTargets
{
    /// <summary>Offerings by id.</summary>
    public IReadOnlyList<string> ProductOfferingIds { get; init; } = [];

    /// <summary>Every offering of these groups.</summary>
    public IReadOnlyList<string> ProductOfferingGroupIds { get; init; } = [];

    /// <summary>Every offering whose product has one of these categories.</summary>
    public IReadOnlyList<ProductCategory> Categories { get; init; } = [];

    /// <summary>Every offering whose product has one of these types.</summary>
    public IReadOnlyList<ProductType> Types { get; init; } = [];
}

/// <summary>A promo code as <c>GET /promo-codes/{code}</c> shows it.</summary>
public sealed record PromoCode
{
    /// <summary>The code, upper case (codes are case-insensitive).</summary>
    public required string Code { get; init; }

    /// <summary>Percentage or fixed amount.</summary>
    public required DiscountType DiscountType { get; init; }

    /// <summary>Percent (0–100] or amount in <see cref="Currency"/>.</summary>
    public required decimal Value { get; init; }

    /// <summary>ISO 4217 currency of an AMOUNT code; null for PERCENTAGE.</summary>
    public string? Currency { get; init; }

    /// <summary>First instant the code is valid; null: from creation.</summary>
    public DateTimeOffset? ValidFrom { get; init; }

    /// <summary>Last instant the code is valid (inclusive); null: no end.</summary>
    public DateTimeOffset? ValidUntil { get; init; }

    /// <summary>What the code applies to.</summary>
    public required PromoCodeTargets AppliesTo { get; init; }

    /// <summary>Only offerings for this customer type; null: both.</summary>
    public CustomerType? CustomerType { get; init; }

    /// <summary>ACTIVE, or INACTIVE once deactivated.</summary>
    public required PromoCodeStatus Status { get; init; }

    /// <summary>When it was created.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When it last changed.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>When it was deactivated, if it was.</summary>
    public DateTimeOffset? DeactivatedAt { get; init; }

    /// <summary>Offerings of <c>appliesTo.productOfferingIds</c> that Catalog has archived (no longer sold).</summary>
    public IReadOnlyList<string> ArchivedTargets { get; init; } = [];

    /// <summary>True when the code lists offerings only and all of them are archived: it applies to nothing on sale.</summary>
    public bool TargetsOnlyArchivedOfferings { get; init; }
}

/// <summary>One entry of a promo code's history (<c>GET /promo-codes/{code}/history</c>), oldest first.</summary>
/// <param name="Sequence">1 for the creation, then one per change.</param>
/// <param name="Change"><c>CREATED</c> or <c>DEACTIVATED</c>.</param>
/// <param name="Status">The status after the change.</param>
/// <param name="OccurredAt">When it happened.</param>
/// <param name="Reason">Why, when the operator said.</param>
/// <param name="ChangedBy">The API key id that made the change.</param>
public sealed record PromoCodeHistoryEntry(
    long Sequence, string Change, PromoCodeStatus Status, DateTimeOffset OccurredAt, string? Reason, string? ChangedBy);

/// <summary>A promo code's history (<c>{ "items": [...] }</c>), oldest first.</summary>
/// <param name="Items">The entries.</param>
public sealed record PromoCodeHistory(IReadOnlyList<PromoCodeHistoryEntry> Items);
