using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>Promo codes, newest first.</summary>
/// <param name="Limit">Page size (1–1000).</param>
/// <param name="Offset">Items to skip.</param>
internal sealed record ListPromoCodes(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<PromoCode>>;

internal sealed class ListPromoCodesValidator : AbstractValidator<ListPromoCodes>
{
    public ListPromoCodesValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListPromoCodesHandler(IQuerySession session) : IQueryHandler<ListPromoCodes, Page<PromoCode>>
{
    public async ValueTask<Page<PromoCode>> Handle(ListPromoCodes query, CancellationToken cancellationToken)
    {
        var (codes, total) = await session.PageAsync<PromoCodeDocument>(
            q => q.OrderByDescending(c => c.CreatedAt).ThenBy(c => c.Id), query.Limit, query.Offset, cancellationToken);
        return new Page<PromoCode>(await ArchivedTargets.ViewAsync(session, codes, cancellationToken), total, query.Limit, query.Offset, "createdAt", SortDirection.Desc);
    }
}
