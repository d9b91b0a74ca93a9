using Connect.Catalog.Contracts;
using Connect.Identity.Contracts;
using JasperFx.Events;
using Marten;

namespace Connect.Catalog.Domain;

/// <summary>
/// An offering's status as its event stream tells it. Whether a change may happen and what the history
/// says are both read from the events, and a new event is appended expecting the version read here, so
/// of two writers racing from the same version only one appends (Marten checks it in the transaction).
/// </summary>
internal sealed class OfferingStatusStream
{
    private readonly string _offeringId;
    private readonly IReadOnlyList<(long Version, OfferingStatusEvent Event)> _events;
    private readonly long? _storedVersion;

    private OfferingStatusStream(string offeringId, IReadOnlyList<(long, OfferingStatusEvent)> events, long? storedVersion)
    {
        _offeringId = offeringId;
        _events = events;
        _storedVersion = storedVersion;
    }

    public static async Task<OfferingStatusStream> LoadAsync(IQuerySession session, OfferingDocument offering, CancellationToken cancellationToken)
    {
        var stored = await session.Events.FetchStreamAsync(offering.Id, token: cancellationToken);
        if (stored.Count > 0)
            return new(offering.Id, stored.Where(e => e.Data is OfferingStatusEvent).Select(e => (e.Version, (OfferingStatusEvent)e.Data)).ToList(),
                stored[^1].Version);
        // An offering stored before offerings had streams: its history is its creation, by nobody in particular.
        return new(offering.Id, [(1, new ProductOfferingCreated(ConnectClaims.SystemActor, offering.CreatedAt))], null);
    }

    public OfferingStatus Current => _events[^1].Event.Status;

    /// <summary>Oldest first; the sequence is the event's version in the offering's stream.</summary>
    public IReadOnlyList<ProductOfferingStatusChange> History()
    {
        var history = new List<ProductOfferingStatusChange>(_events.Count);
        OfferingStatus? previous = null;
        foreach (var (version, e) in _events)
        {
            history.Add(new ProductOfferingStatusChange(version, e.Status, previous, e.OccurredAt, e.Reason, e.ChangedBy));
            previous = e.Status;
        }
        return history;
    }

    /// <summary>Appends a change expecting the stream to be exactly as read; a stream-less offering gets its stream now.</summary>
    public void Append(IDocumentSession session, OfferingStatusEvent change)
    {
        if (_storedVersion is { } version)
            session.Events.Append(_offeringId, version + 1, change);
        else
            session.Events.StartStream<OfferingDocument>(_offeringId, _events[0].Event, change);
    }
}
