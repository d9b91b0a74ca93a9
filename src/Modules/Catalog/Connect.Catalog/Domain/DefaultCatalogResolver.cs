namespace Connect.Catalog.Domain;

/// <summary>
/// Picks the default catalog for a locale among one customer type's defaults (spec §3): exact locale,
/// then the locale's language, then a catalog without a locale, then any other default (by id, so the
/// answer is stable).
/// </summary>
internal static class DefaultCatalogResolver
{
    public static CatalogDocument? Pick(IEnumerable<CatalogDocument> defaults, string locale)
    {
        var candidates = defaults.OrderBy(c => c.Id, StringComparer.Ordinal).ToList();
        var language = locale.Split('-')[0];
        return candidates.FirstOrDefault(c => Same(c.Locale, locale))
            ?? candidates.FirstOrDefault(c => Same(c.Locale, language))
            ?? candidates.FirstOrDefault(c => c.Locale is null)
            ?? candidates.FirstOrDefault();
    }

    private static bool Same(string? a, string b) => a is not null && string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}
