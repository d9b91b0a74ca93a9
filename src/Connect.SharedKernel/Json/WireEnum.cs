using System.Reflection;
using System.Text.Json.Serialization;

namespace Connect.SharedKernel;

/// <summary>Enum values by their wire names (<see cref="JsonStringEnumMemberNameAttribute"/>), for query strings.</summary>
public static class WireEnum<T> where T : struct, Enum
{
    private static readonly Dictionary<string, T> ByName = Enum.GetValues<T>().ToDictionary(
        v => typeof(T).GetField(v.ToString())!.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? v.ToString(),
        v => v, StringComparer.Ordinal);

    public static IEnumerable<string> Names => ByName.Keys;

    public static bool TryParse(string? value, out T result)
    {
        result = default;
        return value is not null && ByName.TryGetValue(value, out result);
    }
}
