using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;
using Connect.SharedKernel;

namespace Connect.Catalog;

/// <summary>
/// Writes a category in its short form (<c>SUBSCRIPTION_CELL</c>) and reads both the short and the long
/// form (<c>PRODUCT_CATEGORY_SUBSCRIPTION_CELL</c>), as the published API does.
/// </summary>
internal sealed class ProductCategoryJsonConverter : JsonConverter<ProductCategory>
{
    /// <summary>The long form's prefix.</summary>
    public const string LongFormPrefix = "PRODUCT_CATEGORY_";

    /// <summary>The short wire name of a category.</summary>
    public static string WireName(ProductCategory category) => WireEnum<ProductCategory>.Name(category);

    /// <summary>Parses either form; false for anything else.</summary>
    public static bool TryParse(string? value, out ProductCategory category)
    {
        category = default;
        if (value is null) return false;
        var shortForm = value.StartsWith(LongFormPrefix, StringComparison.Ordinal) ? value[LongFormPrefix.Length..] : value;
        return WireEnum<ProductCategory>.TryParse(shortForm, out category);
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
