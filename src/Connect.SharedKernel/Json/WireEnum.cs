using System.Reflection;
using System.Text.Json.Serialization;

namespace Connect.SharedKernel;

/// <summary>Enum values by their wire names (<see cref="JsonStringEnumMemberNameAttribute"/>), for bodies and query strings.</summary>
public static class WireEnum<T> where T : struct, Enum
{
    private static readonly Dictionary<T, string> NameByValue = Enum.GetValues<T>().ToDictionary(
        v => v, v => typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString());

    private static readonly Dictionary<string, T> ByName =
        NameByValue.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    /// <summary>The wire name of a value, e.g. <c>CONSUMER</c>.</summary>
    public static string Name(T value) => NameByValue[value];

    /// <summary>The wire name of a defined value; null for a value no member has.</summary>
    public static string? TryName(T value) => NameByValue.GetValueOrDefault(value);

    /// <summary>Exactly one wire name, as written (never a comma-joined list, a number or another case).</summary>
    public static bool TryParse(string? value, out T result)
    {
        result = default;
        return value is not null && ByName.TryGetValue(value, out result);
    }
}
