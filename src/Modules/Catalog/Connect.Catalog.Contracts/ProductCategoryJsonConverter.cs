using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.Catalog.Contracts;

/// <summary>
/// Writes a category in its short form (<c>SUBSCRIPTION_CELL</c>) and reads both the short and the long
/// form (<c>PRODUCT_CATEGORY_SUBSCRIPTION_CELL</c>), as the published API does.
/// </summary>
public sealed class ProductCategoryJsonConverter : JsonConverter<ProductCategory>
{
    /// <summary>The long form's prefix.</summary>
    public const string LongFormPrefix = "PRODUCT_CATEGORY_";

    private static readonly Dictionary<ProductCategory, string> Names = Enum.GetValues<ProductCategory>()
        .ToDictionary(c => c, c => typeof(ProductCategory).GetField(c.ToString())!
            .GetCustomAttributes(typeof(JsonStringEnumMemberNameAttribute), false)
            .Cast<JsonStringEnumMemberNameAttribute>().Single().Name);

    private static readonly Dictionary<string, ProductCategory> ByName =
        Names.ToDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);

    /// <summary>The short wire name of a category.</summary>
    public static string WireName(ProductCategory category) => Names[category];

    /// <summary>Parses either form; false for anything else.</summary>
    public static bool TryParse(string? value, out ProductCategory category)
    {
        category = default;
        if (value is null) return false;
        var shortForm = value.StartsWith(LongFormPrefix, StringComparison.Ordinal) ? value[LongFormPrefix.Length..] : value;
        return ByName.TryGetValue(shortForm, out category);
    }

    /// <inheritdoc />
    public override ProductCategory Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var category)
            ? category
            : throw new JsonException("Unknown product category.");

    /// <inheritdoc />
    public override void Write(Utf8JsonWriter writer, ProductCategory value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireName(value));
}
