using Connect.Pricing.Contracts;
using Connect.Pricing.Domain;
using Marten;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>Which active codes an offering's archive would leave with nothing on sale to apply to, by the same rules that price.</summary>
internal sealed class PromoCodesLosingTargetsHandler(IQuerySession session) : IQueryHandler<PromoCodesLosingTargets, IReadOnlyList<PromoCodeImpact>>
{
    public async ValueTask<IReadOnlyList<PromoCodeImpact>> Handle(PromoCodesLosingTargets query, CancellationToken cancellationToken)
    {
        var active = await session.Query<PromoCodeDocument>().Where(c => c.DeactivatedAt == null).ToListAsync(cancellationToken);
        return [.. active.Where(c => PromoRules.AppliesTo(c, query.Leaving)).OrderBy(c => c.Id, StringComparer.Ordinal)
            .Select(c => new PromoCodeImpact(c.Id, !query.Remaining.Any(o => PromoRules.AppliesTo(c, o))))];
    }
}
