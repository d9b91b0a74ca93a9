using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;
using Marten;
using Marten.Linq;
using Mediator;

namespace Connect.Pricing.Features.PromoCodes;

/// <summary>One promo code by its code (any case); null when unknown.</summary>
/// <param name="Code">The code.</param>
internal sealed record GetPromoCode(string Code) : IQuery<PromoCode?>;

/// <summary>Promo codes, newest first.</summary>
/// <param name="Limit">Page size (1–1000).</param>
/// <param name="Offset">Items to skip.</param>
internal sealed record ListPromoCodes(int Limit = Paging.DefaultLimit, int Offset = 0) : IQuery<Page<PromoCode>>;

/// <summary>A promo code's history; null when the code is unknown.</summary>
/// <param name="Code">The code.</param>
internal sealed record GetPromoCodeHistory(string Code) : IQuery<PromoCodeHistory?>;

internal sealed class GetPromoCodeHandler(IQuerySession session) : IQueryHandler<GetPromoCode, PromoCode?>
{
    public async ValueTask<PromoCode?> Handle(GetPromoCode query, CancellationToken cancellationToken) =>
        PromoCodeFormat.IsValid(query.Code) &&
        await session.LoadAsync<PromoCodeDocument>(PromoCodeDocument.Normalize(query.Code), cancellationToken) is { } code
            ? await ArchivedTargets.ViewAsync(session, code, cancellationToken)
            : null;
}

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

/// <summary>The code's stream, oldest first: its creation, then its deactivation if any.</summary>
internal sealed class GetPromoCodeHistoryHandler(IQuerySession session)
    : IQueryHandler<GetPromoCodeHistory, PromoCodeHistory?>
{
    public async ValueTask<PromoCodeHistory?> Handle(GetPromoCodeHistory query, CancellationToken cancellationToken)
    {
        if (!PromoCodeFormat.IsValid(query.Code)) return null;
        var events = await session.Events.FetchStreamAsync(PromoCodeDocument.StreamKey(PromoCodeDocument.Normalize(query.Code)), token: cancellationToken);
        if (events.Count == 0) return null;
        return new PromoCodeHistory(events.Select(e => e.Data switch
        {
            PromoCodeCreated c => new PromoCodeHistoryEntry(e.Version, "CREATED", PromoCodeStatus.Active, c.OccurredAt, null, c.ChangedBy),
            PromoCodeDeactivated d => new PromoCodeHistoryEntry(e.Version, "DEACTIVATED", PromoCodeStatus.Inactive, d.OccurredAt, d.Reason, d.ChangedBy),
            _ => null,
        }).OfType<PromoCodeHistoryEntry>().ToList());
    }
}
