namespace Connect.Catalog.Features;

/// <summary>Body of archive and restore (spec §5).</summary>
/// <param name="Reason">Why; required for archive, optional for restore.</param>
/// <param name="EffectiveAt">When to make the change, if not now (a future instant; spec §10).</param>
internal sealed record StatusChangeBody(string? Reason, DateTimeOffset? EffectiveAt = null);

/// <summary>The bounds every status change shares, now or scheduled.</summary>
internal static class StatusChangeRules
{
    public const int MaxReasonLength = 500;
    public const int MaxChangedByLength = 100;
}
