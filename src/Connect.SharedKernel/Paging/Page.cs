namespace Connect.SharedKernel.Paging;

public enum SortDirection { Asc, Desc }

/// <summary>One page of a list plus what the caller needs to ask for the next one.</summary>
public sealed record Page<T>(IReadOnlyList<T> Items, long Total, int Limit, int Offset, string SortKey, SortDirection Direction);

public static class Paging
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;
}
