using System.Text.Json;
using System.Text.RegularExpressions;
using Connect.SharedKernel.Errors;

namespace Connect.SharedKernel;

/// <summary>
/// Turns a System.Text.Json failure into a field error a caller can act on, without leaking type names
/// or framework wording.
/// </summary>
public static partial class JsonErrors
{
    private static readonly HashSet<string> ReadOnly = new(StringComparer.Ordinal)
    {
        "status", "createdAt", "updatedAt", "netPrice", "product", "group", "productOfferings", "ProductOfferingGroups",
    };

    [GeneratedRegex("The JSON property '(?<name>[^']*)' could not be mapped")]
    private static partial Regex Unmapped();

    public static FieldError ToFieldError(JsonException error)
    {
        var path = JsonPath.FromJsonExceptionPath(error.Path);
        var unmapped = Unmapped().Match(error.Message);
        if (unmapped.Success)
        {
            var name = unmapped.Groups["name"].Value;
            // Depending on where the reader stopped, the path may or may not already end with the name.
            var property = path.Length == 0 ? name : path == name || path.EndsWith("." + name, StringComparison.Ordinal) ? path : $"{path}.{name}";
            return new FieldError(property, ReadOnly.Contains(name)
                ? $"'{name}' is read-only and cannot be set."
                : $"'{name}' is not a known property.");
        }
        if (error.Message.Contains("depth", StringComparison.OrdinalIgnoreCase))
            return new FieldError(path, $"JSON is nested deeper than {ConnectJson.MaxDepth} levels.");
        return error.InnerException is null && error.Path is null && error.LineNumber is null
            ? new FieldError(path, "The body is not valid JSON.")
            : new FieldError(path, path.Length == 0 ? "The body is not valid JSON or has the wrong shape." : "The value has the wrong type or is not one of the allowed values.");
    }
}
