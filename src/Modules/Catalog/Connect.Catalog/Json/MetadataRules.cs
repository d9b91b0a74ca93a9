using System.Text.Json;
using Connect.SharedKernel;
using FluentValidation;

namespace Connect.Catalog.Json;

/// <summary>Free-form metadata stays small and shallow, so every response that embeds it can be written.</summary>
internal static class MetadataRules
{
    public const int MaxKeys = 100;

    /// <summary>The most metadata may take written out in a response (bytes, with the response's escaping).</summary>
    public const int MaxBytes = 4 * 1024;

    private static readonly JsonSerializerOptions Wire = ConnectJson.Create();

    public static IRuleBuilderOptions<T, Dictionary<string, JsonElement>?> MustBeSmallMetadata<T>(
        this IRuleBuilder<T, Dictionary<string, JsonElement>?> rule) =>
        rule.Must(m => m is null || (m.Count <= MaxKeys && m.Values.All(v => Depth(v) <= ConnectJson.MaxMetadataDepth) && Written(m) <= MaxBytes))
            .WithMessage($"metadata holds at most {MaxKeys} keys, nested at most {ConnectJson.MaxMetadataDepth} levels, {MaxBytes} bytes written as JSON.")
            .Must(m => m is null || m.Values.All(CanonicalJson.HasOnlyWritableNumbers))
            .WithMessage("metadata numbers have at most 28 significant digits and a magnitude below 7.9e28.")
            .Must(m => m is null || m.Values.All(CanonicalJson.HasOnlyReadableText))
            .WithMessage("metadata text must be valid Unicode (no lone surrogates).");

    // Measured as responses write it (canonical numbers may be longer than sent: 1e27 is 28 digits). Text that cannot
    // be written at all is the readable-text rule's to report.
    private static int Written(Dictionary<string, JsonElement> metadata) =>
        metadata.Values.All(CanonicalJson.HasOnlyReadableText) ? JsonSerializer.SerializeToUtf8Bytes(CanonicalJson.Metadata(metadata), Wire).Length : 0;

    private static int Depth(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => 1 + element.EnumerateObject().Select(p => Depth(p.Value)).DefaultIfEmpty(0).Max(),
        JsonValueKind.Array => 1 + element.EnumerateArray().Select(Depth).DefaultIfEmpty(0).Max(),
        _ => 0,
    };
}
