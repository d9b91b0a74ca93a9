using System.Text.RegularExpressions;

namespace Connect.Pricing.Domain;

/// <summary>Spec §5: a code is 3–64 characters of A–Z, 0–9, '_' and '-', compared without case.</summary>
internal static partial class PromoCodeFormat
{
    public const string Rule = "must be 3–64 characters of A–Z, 0–9, '_' or '-'";

    [GeneratedRegex("^[A-Za-z0-9_-]{3,64}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? code) => code is not null && Pattern().IsMatch(code);
}
