using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Paging;
using Mediator;

namespace Connect.Catalog.Contracts;

/// <summary>One offering, AVAILABLE or ARCHIVED; null when it does not exist.</summary>
/// <param name="ProductOfferingId">The offering's id.</param>
/// <param name="PromoCode">Optional promo code to price it with.</param>
public sealed record GetProductOffering(string ProductOfferingId, string? PromoCode = null) : IQuery<ProductOffering?>;

/// <summary>A page of offerings with the filters, sort and paging of <c>GET /product-offerings</c>.</summary>
public sealed record ListProductOfferings : IQuery<Page<ProductOffering>>
{
    /// <summary>Product types to include (any when empty).</summary>
    public IReadOnlyList<ProductType> Types { get; init; } = [];
    /// <summary>Product categories to include (any when empty).</summary>
    public IReadOnlyList<ProductCategory> Categories { get; init; } = [];
    /// <summary>Only offerings for this customer type (any when null).</summary>
    public CustomerType? CustomerType { get; init; }
    /// <summary>AVAILABLE by default.</summary>
    public OfferingStatusFilter Status { get; init; } = OfferingStatusFilter.Available;
    /// <summary>Only offerings of this group.</summary>
    public string? ProductOfferingGroupId { get; init; }
    /// <summary>Optional promo code to price the page with.</summary>
    public string? PromoCode { get; init; }
    /// <summary>1 to 1000.</summary>
    public int Limit { get; init; } = Paging.DefaultLimit;
    /// <summary>0 or more.</summary>
    public int Offset { get; init; }
    /// <summary>Sort key; name by default.</summary>
    public OfferingSortKey Sort { get; init; } = OfferingSortKey.Name;
    /// <summary>Ascending by default.</summary>
    public SortDirection Direction { get; init; } = SortDirection.Asc;
    /// <summary>The past instant to answer as of, as the list read then (spec §9); the present when null.</summary>
    public DateTimeOffset? AsOf { get; init; }
}

/// <summary>
/// The default catalog for a customer context: (type, locale), then (type, language), then (type, no
/// locale), then any default of that type. Null when there is none.
/// </summary>
/// <param name="CustomerType">The caller's customer type.</param>
/// <param name="Locale">The caller's locale (Accept-Language already applied).</param>
/// <param name="PromoCode">Optional promo code.</param>
public sealed record GetDefaultProductCatalog(CustomerType CustomerType, string Locale, string? PromoCode = null) : IQuery<ProductCatalog?>;
