using Marten;
using Marten.Linq;

namespace Connect.SharedKernel.Paging;

/// <summary>The total of a paged list.</summary>
public static class PageTotals
{
    /// <summary>
    /// Marten's statistics count the rows the page query returned, so a page past the end reports 0.
    /// Then, and only then, count the matches separately.
    /// </summary>
    public static async Task<long> TotalAsync<T>(IQueryable<T> matches, QueryStatistics stats, int pageCount, int offset,
        CancellationToken cancellationToken) where T : notnull =>
        pageCount == 0 && offset > 0 ? await matches.CountAsync(cancellationToken) : stats.TotalResults;
}
