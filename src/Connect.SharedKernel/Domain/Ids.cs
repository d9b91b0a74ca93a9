using System.Text.RegularExpressions;

namespace Connect.SharedKernel.Domain;

/// <summary>Client-supplied ids follow one rule everywhere (spec: opaque strings).</summary>
public static partial class Ids
{
    public const string Rule = "must match ^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}\\z", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    public static bool IsValid(string? id) => id is not null && Pattern().IsMatch(id);

    public static string New() => Guid.NewGuid().ToString();
}
