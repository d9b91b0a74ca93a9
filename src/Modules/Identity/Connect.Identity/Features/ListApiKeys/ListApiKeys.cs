using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Identity.Features;

/// <summary>Keys, newest first.</summary>
/// <param name="Limit">Page size.</param>
/// <param name="Offset">Items to skip.</param>
internal sealed record ListApiKeys(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<ApiKeyInfo>>;

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
