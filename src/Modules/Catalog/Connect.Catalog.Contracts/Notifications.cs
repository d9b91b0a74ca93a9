using Mediator;

namespace Connect.Catalog.Contracts;

/// <summary>Published after an offering was archived and the change committed.</summary>
/// <param name="ProductOfferingId">The offering's id.</param>
/// <param name="ProductOfferingGroupId">Its group, if any.</param>
/// <param name="Reason">Why it was archived.</param>
/// <param name="ChangedBy">The acting API key's id.</param>
/// <param name="OccurredAt">When, as recorded in its status history.</param>
public sealed record ProductOfferingArchived(
    string ProductOfferingId, string? ProductOfferingGroupId, string? Reason, string ChangedBy, DateTimeOffset OccurredAt) : INotification;

/// <summary>Published after an archived offering was restored and the change committed.</summary>
/// <param name="ProductOfferingId">The offering's id.</param>
/// <param name="ProductOfferingGroupId">Its group, if any.</param>
/// <param name="Reason">Why it was restored, if a reason was given.</param>
/// <param name="ChangedBy">The acting API key's id.</param>
/// <param name="OccurredAt">When, as recorded in its status history.</param>
public sealed record ProductOfferingRestored(
    string ProductOfferingId, string? ProductOfferingGroupId, string? Reason, string ChangedBy, DateTimeOffset OccurredAt) : INotification;
