using System.Reflection;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>
/// Enums are read and written by their wire names through Connect's own converter, which the schema
/// generator cannot see into: this states each enum as a string with exactly those names.
/// </summary>
internal static class EnumSchemas
{
    public static OpenApiOptions DescribeEnumsByWireName(this OpenApiOptions options) =>
        options.AddSchemaTransformer((schema, context, _) =>
        {
            var type = Nullable.GetUnderlyingType(context.JsonTypeInfo.Type) ?? context.JsonTypeInfo.Type;
            if (type.IsEnum)
            {
                schema.Type = JsonSchemaType.String;
                schema.Enum = [.. WireNames(type).Select(name => (JsonNode)JsonValue.Create(name))];
            }
            return Task.CompletedTask;
        });

    private static IEnumerable<string> WireNames(Type enumType) =>
        enumType.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Select(f => f.GetCustomAttribute<JsonStringEnumMemberNameAttribute>()?.Name ?? f.Name);
}
