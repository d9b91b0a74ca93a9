using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Identity.Features.ApiKeys;

/// <summary>A key by id; null when unknown.</summary>
/// <param name="ApiKeyId">The id.</param>
internal sealed record GetApiKey(string ApiKeyId) : IQuery<ApiKeyInfo?>;

/// <summary>Keys, newest first.</summary>
/// <param name="Limit">Page size.</param>
/// <param name="Offset">Items to skip.</param>
internal sealed record ListApiKeys(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<ApiKeyInfo>>;

/// <summary>A key's audit trail; null when unknown.</summary>
/// <param name="ApiKeyId">The id.</param>
internal sealed record GetApiKeyHistory(string ApiKeyId) : IQuery<ApiKeyHistory?>;

internal sealed class GetApiKeyHandler(IQuerySession session) : IQueryHandler<GetApiKey, ApiKeyInfo?>
{
    public async ValueTask<ApiKeyInfo?> Handle(GetApiKey query, CancellationToken cancellationToken) =>
        (await session.LoadAsync<ApiKey>(query.ApiKeyId, cancellationToken))?.ToInfo();
}

internal sealed class ListApiKeysValidator : AbstractValidator<ListApiKeys>
{
    public ListApiKeysValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListApiKeysHandler(IQuerySession session) : IQueryHandler<ListApiKeys, Page<ApiKeyInfo>>
{
    public async ValueTask<Page<ApiKeyInfo>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var (keys, total) = await session.PageAsync<ApiKey>(
            q => q.OrderByDescending(k => k.CreatedAt).ThenBy(k => k.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<ApiKeyInfo>(keys.Select(k => k.ToInfo()).ToList(), total, query.Limit, query.Offset, "createdAt", SortDirection.Desc);
    }
}

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
