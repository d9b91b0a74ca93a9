using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Marten;
using Mediator;

namespace Connect.Identity.Features;

/// <summary>A key's audit trail; null when unknown.</summary>
/// <param name="ApiKeyId">The id.</param>
internal sealed record GetApiKeyHistory(string ApiKeyId) : IQuery<ApiKeyHistory?>;

/// <summary>The key's audit trail from its event stream, oldest first.</summary>
internal sealed class GetApiKeyHistoryHandler(IQuerySession session) : IQueryHandler<GetApiKeyHistory, ApiKeyHistory?>
{
    public async ValueTask<ApiKeyHistory?> Handle(GetApiKeyHistory query, CancellationToken cancellationToken)
    {
        if (await session.LoadAsync<ApiKey>(query.ApiKeyId, cancellationToken) is null) return null;
        var events = await session.Events.FetchStreamAsync(ApiKey.StreamKey(query.ApiKeyId), token: cancellationToken);
        return new ApiKeyHistory(events.Select(e => e.Data switch
        {
            ApiKeyCreated c => new ApiKeyHistoryEntry(e.Version, "CREATED", c.OccurredAt, null, c.ChangedBy),
            ApiKeyRevoked r => new ApiKeyHistoryEntry(e.Version, "REVOKED", r.OccurredAt, r.Reason, r.ChangedBy),
            ApiKeyExpired x => new ApiKeyHistoryEntry(e.Version, "EXPIRED", x.ExpiredAt, null, "system"),
            _ => null,
        }).OfType<ApiKeyHistoryEntry>().ToList());
    }
}
