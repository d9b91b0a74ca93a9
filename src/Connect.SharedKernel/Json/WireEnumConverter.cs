using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.SharedKernel;

/// <summary>
/// Reads and writes every enum by exactly one of its wire names. System.Text.Json's own enum converter also
/// accepts comma-joined names (ORing them into a value no member has) and, unless told otherwise, numbers:
/// such a value would be stored and then fail every later read. Here a body names one defined member, spelled
/// exactly as the contract writes it (as query strings do), or is refused.
/// </summary>
internal sealed class WireEnumConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) => typeToConvert.IsEnum;

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(WireEnumConverter<>).MakeGenericType(typeToConvert))!;
}

/// <summary>One enum's converter; see <see cref="WireEnumConverterFactory"/>.</summary>
internal sealed class WireEnumConverter<T> : JsonConverter<T> where T : struct, Enum
{
    public override T Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String && WireEnum<T>.TryParse(reader.GetString(), out var value))
            return value;
        throw new JsonException($"Expected one of: {string.Join(", ", WireEnum<T>.Names)}.");
    }

    public override void Write(Utf8JsonWriter writer, T value, JsonSerializerOptions options) =>
        writer.WriteStringValue(WireEnum<T>.TryName(value) ?? throw new JsonException($"{typeof(T).Name} has no member {value}."));
}
