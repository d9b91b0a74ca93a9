namespace Connect.Pricing.Domain;

/// <summary>
/// Pricing's own record of an offering Catalog archived (kept from Catalog's notifications, schema <c>pricing</c>),
/// so a promo code can say which of its targets are no longer sold without asking Catalog.
/// </summary>
internal sealed class ArchivedOffering
{
    public string Id { get; set; } = "";
    public DateTimeOffset ArchivedAt { get; set; }
}
