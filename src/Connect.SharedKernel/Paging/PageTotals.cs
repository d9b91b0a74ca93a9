using Marten;
using Marten.Linq;

namespace Connect.SharedKernel.Paging;

/// <summary>The total of a paged list.</summary>
public static class PageTotals
{
    /// <summary>One page of every <typeparamref name="T"/> in the given order (ties broken by the caller), with the total.</summary>
    public static async Task<(IReadOnlyList<T> Items, long Total)> PageAsync<T>(this IQuerySession session,
        Func<IQueryable<T>, IQueryable<T>> order, int limit, int offset, CancellationToken cancellationToken) where T : notnull
    {
        var items = await order(session.Query<T>().Stats(out QueryStatistics stats)).Skip(offset).Take(limit).ToListAsync(cancellationToken);
        var total = await TotalAsync(session.Query<T>(), stats, items.Count, offset, cancellationToken);
        return (items, total);
    }

    /// <summary>
    /// Marten's statistics count the rows the page query returned, so a page past the end reports 0.
    /// Then, and only then, count the matches separately.
    /// </summary>
    public static async Task<long> TotalAsync<T>(IQueryable<T> matches, QueryStatistics stats, int pageCount, int offset,
        CancellationToken cancellationToken) where T : notnull =>
        pageCount == 0 && offset > 0 ? await matches.CountAsync(cancellationToken) : stats.TotalResults;
}
