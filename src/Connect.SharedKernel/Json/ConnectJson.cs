using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

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

    public static void Configure(JsonSerializerOptions options) => Configure(options, hideServerAssigned: true);

    /// <summary>
    /// For audit lines: the same wire conventions, but the server-set fields (acting key, the id in the path)
    /// are written too, so a line says what was acted on.
    /// </summary>
    public static JsonSerializerOptions ForAudit { get; } = CreateForAudit();

    private static JsonSerializerOptions CreateForAudit()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options, hideServerAssigned: false);
        return options;
    }

    private static void Configure(JsonSerializerOptions options, bool hideServerAssigned)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.PropertyNameCaseInsensitive = false;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.Never;
        // Unknown and read-only properties in a body are errors, not silently dropped (spec §5).
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.AllowDuplicateProperties = false;
        options.MaxDepth = MaxDepth;
        // Command properties the server fills in (the acting key, the route id) are not part of any body:
        // sending one is an unknown property, not a way to speak for someone else.
        if (hideServerAssigned)
            options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(RemoveServerAssigned);
        options.Converters.Add(new UtcTimestampConverter());
        options.Converters.Add(new WireEnumConverterFactory());
    }

    private static void RemoveServerAssigned(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object) return;
        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
            if (typeInfo.Properties[i].AttributeProvider?.IsDefined(typeof(ServerAssignedAttribute), inherit: true) == true)
                typeInfo.Properties.RemoveAt(i);
    }

    public static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        Configure(options);
        return options;
    }
}

/// <summary>
/// Marks a command property the server sets (never read from or written to JSON); a body that names it is
/// refused as an unknown property (unlike <see cref="JsonIgnoreAttribute"/>, which skips it silently).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class ServerAssignedAttribute : Attribute;
