using Connect.SharedKernel.Http;
using Mediator;

namespace Connect.Catalog.Contracts;

/// <summary>
/// Stop selling an offering: AVAILABLE → ARCHIVED, recorded as one event in its status history. Existing
/// subscribers keep it, so it stays readable by id. Answers the updated offering. Fails with a conflict
/// when it is already archived, not found when it does not exist, precondition failed when
/// <paramref name="Preconditions"/> do not hold for its current ETag.
/// </summary>
/// <param name="ProductOfferingId">The offering's id.</param>
/// <param name="Reason">Why, 1–500 characters (required).</param>
/// <param name="ChangedBy">The acting API key's id, recorded in the history.</param>
/// <param name="Preconditions">Optional conditions on the offering's current ETag (<c>If-Match</c>, <c>If-None-Match</c>).</param>
public sealed record ArchiveProductOffering(string ProductOfferingId, string? Reason, string ChangedBy, Preconditions? Preconditions = null)
    : ICommand<ProductOffering>;

/// <summary>
/// Sell an archived offering again: ARCHIVED → AVAILABLE, recorded as one event in its status history.
/// Answers the updated offering; the same failures as <see cref="ArchiveProductOffering"/> (conflict when
/// it is already available).
/// </summary>
/// <param name="ProductOfferingId">The offering's id.</param>
/// <param name="Reason">Why, at most 500 characters (optional).</param>
/// <param name="ChangedBy">The acting API key's id, recorded in the history.</param>
/// <param name="Preconditions">Optional conditions on the offering's current ETag (<c>If-Match</c>, <c>If-None-Match</c>).</param>
public sealed record RestoreProductOffering(string ProductOfferingId, string? Reason, string ChangedBy, Preconditions? Preconditions = null)
    : ICommand<ProductOffering>;

/// <summary>An offering's status history, oldest first; null when the offering does not exist.</summary>
/// <param name="ProductOfferingId">The offering's id.</param>
public sealed record GetProductOfferingStatusHistory(string ProductOfferingId) : IQuery<ProductOfferingStatusHistory?>;

/// <summary>Every status an offering has had, oldest first; creation is the first entry.</summary>
/// <param name="Items">The entries.</param>
public sealed record ProductOfferingStatusHistory(IReadOnlyList<ProductOfferingStatusChange> Items);

/// <summary>One entry of an offering's status history.</summary>
/// <param name="Sequence">1 for the creation, then one more per change (the event's version in the offering's stream).</param>
/// <param name="Status">The status from this entry on.</param>
/// <param name="PreviousStatus">The status before it; null for the creation.</param>
/// <param name="OccurredAt">When the change was made (the server's clock when the command ran).</param>
/// <param name="Reason">Why, as the operator gave it; null when none was given.</param>
/// <param name="ChangedBy">The id of the API key that made the change (<c>system</c> for work without a caller).</param>
public sealed record ProductOfferingStatusChange(
    long Sequence, OfferingStatus Status, OfferingStatus? PreviousStatus, DateTimeOffset OccurredAt, string? Reason, string ChangedBy);
