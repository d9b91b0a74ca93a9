using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>
/// What the schema generator leaves out for Connect's types: instants are strings (it writes only the format), and a
/// list of enums (read by Connect's own converter) has the enum as its items.
/// </summary>
internal static class SchemaFixes
{
    public static async Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var plain = Nullable.GetUnderlyingType(type) ?? type;
        if (plain == typeof(DateTimeOffset) || plain == typeof(DateTime))
            schema.Type = plain == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
        if (schema.Items is null && ElementOf(type) is { IsEnum: true } element)
            schema.Items = await context.GetOrCreateSchemaAsync(element, cancellationToken: cancellationToken);
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.GetInterfaces().Append(type)
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
}
