using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;

namespace Connect.Catalog.Domain;

/// <summary>
/// An event in an offering's stream (stream key: the offering's id). Stored events are facts: their shape
/// never changes; a different fact gets a new event type. <see cref="OccurredAt"/> is the server's clock
/// (TimeProvider) when the command ran, the same clock as <c>createdAt</c>/<c>updatedAt</c>.
/// </summary>
internal abstract record OfferingStatusEvent(string? Reason, string ChangedBy, DateTimeOffset OccurredAt)
{
    /// <summary>The offering's status from this event on.</summary>
    [JsonIgnore]
    public abstract OfferingStatus Status { get; }
}

/// <summary>The first event of every offering's stream: it was created, AVAILABLE.</summary>
internal sealed record ProductOfferingCreated(string ChangedBy, DateTimeOffset OccurredAt) : OfferingStatusEvent(null, ChangedBy, OccurredAt)
{
    public override OfferingStatus Status => OfferingStatus.Available;
}

/// <summary>AVAILABLE → ARCHIVED: no longer sold, still readable by existing subscribers.</summary>
internal sealed record ProductOfferingArchived(string? Reason, string ChangedBy, DateTimeOffset OccurredAt) : OfferingStatusEvent(Reason, ChangedBy, OccurredAt)
{
    public override OfferingStatus Status => OfferingStatus.Archived;
}

/// <summary>ARCHIVED → AVAILABLE: sold again.</summary>
internal sealed record ProductOfferingRestored(string? Reason, string ChangedBy, DateTimeOffset OccurredAt) : OfferingStatusEvent(Reason, ChangedBy, OccurredAt)
{
    public override OfferingStatus Status => OfferingStatus.Available;
}
