using System.Globalization;
using System.Text.Json;

namespace Connect.Catalog.Json;

/// <summary>
/// One written form for free-form JSON and maps, whether the value comes from a request or from storage:
/// PostgreSQL's jsonb reorders object keys and rewrites numbers (<c>1e2</c> becomes <c>100</c>), so a
/// representation written as received would change its bytes, and its ETag, on the next read. Keys are
/// written in ordinal order and numbers as plain decimals without trailing zeros.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The largest magnitude a free-form number may have: what a decimal holds, so it can be written back.</summary>
    public static bool IsWritableNumber(JsonElement number) =>
        decimal.TryParse(number.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out _);

    /// <summary>True when every number inside the value is <see cref="IsWritableNumber"/>.</summary>
    public static bool HasOnlyWritableNumbers(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Number => IsWritableNumber(element),
        JsonValueKind.Object => element.EnumerateObject().All(p => HasOnlyWritableNumbers(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().All(HasOnlyWritableNumbers),
        _ => true,
    };

    /// <summary>
    /// True when every string and property name inside the value is Unicode: an escaped lone surrogate (<c>"\ud800"</c>)
    /// parses as JSON but can be neither read as text nor written again, so storing it would break every later read.
    /// </summary>
    public static bool HasOnlyReadableText(JsonElement element)
    {
        try
        {
            return element.ValueKind switch
            {
                JsonValueKind.String => element.GetString() is not null,
                JsonValueKind.Object => element.EnumerateObject().All(p => p.Name is not null && HasOnlyReadableText(p.Value)),
                JsonValueKind.Array => element.EnumerateArray().All(HasOnlyReadableText),
                _ => true,
            };
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>The map with its keys in ordinal order (null stays null).</summary>
    public static IReadOnlyDictionary<string, T>? Ordered<T>(IReadOnlyDictionary<string, T>? map) =>
        map?.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal);

    /// <summary>Free-form metadata in its canonical form: keys ordered at every level, numbers normalised.</summary>
    public static IReadOnlyDictionary<string, JsonElement>? Metadata(IReadOnlyDictionary<string, JsonElement>? metadata) =>
        metadata?.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => Of(p.Value), StringComparer.Ordinal);

    /// <summary>The value in its canonical form.</summary>
    public static JsonElement Of(JsonElement element)
    {
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            Write(writer, element);
        using var document = JsonDocument.Parse(buffer.WrittenMemory);
        return document.RootElement.Clone();
    }

    private static void Write(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    Write(writer, property.Value);
                }
                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) Write(writer, item);
                writer.WriteEndArray();
                break;
            case JsonValueKind.String:
                writer.WriteStringValue(element.GetString());
                break;
            case JsonValueKind.Number when decimal.TryParse(element.GetRawText(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number):
                writer.WriteNumberValue(Normalized(number));
                break;
            default:
                // true, false, null, and a number stored before numbers were limited: written as they are.
                element.WriteTo(writer);
                break;
        }
    }

    /// <summary>The same value without trailing zeros or a negative zero: 1.50 → 1.5, -0 → 0.</summary>
    private static decimal Normalized(decimal value) =>
        value == 0m ? 0m : decimal.Parse(value.ToString("0.############################", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
}
