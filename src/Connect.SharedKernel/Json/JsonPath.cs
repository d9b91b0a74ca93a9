namespace Connect.SharedKernel;

/// <summary>Turns C# property paths ("Price.GrossPrice", "Items[0].Name") into wire paths ("price.grossPrice").</summary>
internal static class JsonPath
{
    public static string ToCamelCase(string path) =>
        string.Join('.', path.Split('.').Select(part => part.Length == 0 ? part : char.ToLowerInvariant(part[0]) + part[1..]));

    /// <summary>"$.price.currency" or "$['price']" from a JsonException into "price.currency"; "" for the root.</summary>
    public static string FromJsonExceptionPath(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$") return "";
        var p = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
        return p.Replace("['", ".").Replace("']", "").TrimStart('.');
    }
}
