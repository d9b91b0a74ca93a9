using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Marten;
using Mediator;

namespace Connect.Identity.Features;

/// <summary>A key by id; null when unknown.</summary>
/// <param name="ApiKeyId">The id.</param>
internal sealed record GetApiKey(string ApiKeyId) : IQuery<ApiKeyInfo?>;

internal sealed class GetApiKeyHandler(IQuerySession session) : IQueryHandler<GetApiKey, ApiKeyInfo?>
{
    public async ValueTask<ApiKeyInfo?> Handle(GetApiKey query, CancellationToken cancellationToken) =>
        (await session.LoadAsync<ApiKey>(query.ApiKeyId, cancellationToken))?.ToInfo();
}
