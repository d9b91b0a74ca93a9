using System.ComponentModel.DataAnnotations;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>
/// Writes the bounds the validators enforce into the OpenAPI document, from the <see cref="MaxLengthAttribute"/>
/// a body's property carries: <c>maxLength</c> on text, <c>maxItems</c> on lists, <c>maxProperties</c> on maps
/// (the built-in mapping would give a map a <c>maxLength</c>), and <see cref="ItemMaxLengthAttribute"/> on list items.
/// </summary>
internal static class BoundsSchemaTransformer
{
    public static Task Apply(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var attributes = context.JsonPropertyInfo?.AttributeProvider;
        if (attributes is null) return Task.CompletedTask;
        if (attributes.GetCustomAttributes(typeof(MaxLengthAttribute), true).FirstOrDefault() is MaxLengthAttribute max)
        {
            var type = schema.Type ?? 0;
            if (type.HasFlag(JsonSchemaType.Array)) { schema.MaxItems = max.Length; schema.MaxLength = null; }
            else if (type.HasFlag(JsonSchemaType.Object)) { schema.MaxProperties = max.Length; schema.MaxLength = null; }
            else schema.MaxLength = max.Length;
        }
        if (attributes.GetCustomAttributes(typeof(ItemMaxLengthAttribute), true).FirstOrDefault() is ItemMaxLengthAttribute item &&
            schema.Items is OpenApiSchema items)
            items.MaxLength = item.Length;
        return Task.CompletedTask;
    }
}
