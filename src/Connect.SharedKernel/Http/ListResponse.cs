using Connect.SharedKernel.Paging;

namespace Connect.SharedKernel.Http;

/// <summary>The list envelope of the published API: <c>{ items, pagination: { total, limit, offset, sort } }</c>.</summary>
public sealed record ListResponse<T>(IReadOnlyList<T> Items, Pagination Pagination)
{
    public static ListResponse<T> From(Page<T> page) => new(page.Items,
        new Pagination(page.Total, page.Limit, page.Offset,
            new SortInfo(page.SortKey, page.Direction == SortDirection.Asc ? "ASC" : "DESC")));
}

public sealed record Pagination(long Total, int Limit, int Offset, SortInfo Sort);

public sealed record SortInfo(string Key, string Direction);
