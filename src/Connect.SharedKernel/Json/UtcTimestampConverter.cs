using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace Connect.SharedKernel;

/// <summary>
/// Times on the wire are RFC 3339 in UTC (<c>2023-11-07T05:31:56Z</c>), with milliseconds only when present. Read
/// strictly: an RFC 3339 date-time with its offset (<c>Z</c> or <c>±hh:mm</c>), nothing a culture or a guess
/// would make an instant of (<c>01/02/2030</c>, <c>Jan 2 2030</c>, a time without an offset).
/// </summary>
public sealed partial class UtcTimestampConverter : JsonConverter<DateTimeOffset>
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.FFF'Z'";

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d{1,7})?([Zz]|[+-]\d{2}:\d{2})\z", RegexOptions.CultureInvariant)]
    private static partial Regex Rfc3339();

    public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.String && TryParse(reader.GetString(), out var value)
            ? value
            : throw new JsonException("Not an RFC 3339 time.");

    /// <summary>An RFC 3339 date-time with its offset, as UTC (also for query strings).</summary>
    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (text is null || !Rfc3339().IsMatch(text) ||
            !DateTimeOffset.TryParse(text.ToUpperInvariant(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            return false;
        value = parsed.ToUniversalTime();
        return true;
    }

    public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture));
}
