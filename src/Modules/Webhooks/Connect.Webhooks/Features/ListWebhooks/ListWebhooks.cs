using Connect.SharedKernel.Paging;
using Connect.Webhooks.Domain;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Webhooks.Features;

internal sealed record ListWebhooks(int Limit, int Offset) : IQuery<Page<Webhook>>;

internal sealed class ListWebhooksValidator : AbstractValidator<ListWebhooks>
{
    public ListWebhooksValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListWebhooksHandler(IQuerySession session) : IQueryHandler<ListWebhooks, Page<Webhook>>
{
    public async ValueTask<Page<Webhook>> Handle(ListWebhooks query, CancellationToken cancellationToken)
    {
        var (webhooks, total) = await session.PageAsync<WebhookDocument>(
            q => q.OrderByDescending(w => w.CreatedAt).ThenBy(w => w.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<Webhook>([.. webhooks.Select(w => w.ToContract())], total, query.Limit, query.Offset, "createdAt", SortDirection.Desc);
    }
}
