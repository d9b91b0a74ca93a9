using System.Text.Json;
using System.Text.Json.Serialization;

namespace Connect.SharedKernel;

/// <summary>The wire conventions of the Connect API, applied to every HTTP body.</summary>
public static class ConnectJson
{
    /// <summary>
    /// Nesting allowed in a request body. Responses nest stored metadata two levels deeper than the
    /// request did, and metadata itself is limited to <see cref="MaxMetadataDepth"/>, so writing stays far below this.
    /// </summary>
    public const int MaxDepth = 32;

    public const int MaxMetadataDepth = 8;

    public static void Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Unknown and read-only properties in a body are errors, not silently dropped (spec §5).
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MaxDepth;
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}
