using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.Idempotency;

/// <summary>Describes the <c>Idempotency-Key</c> header on every POST and PATCH operation of the OpenAPI document.</summary>
internal static class IdempotencyOpenApi
{
    public static void Describe(OpenApiOptions options) => options.AddOperationTransformer((operation, context, _) =>
    {
        if (context.Description.HttpMethod is not ("POST" or "PATCH")) return Task.CompletedTask;
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotentRequest.KeyHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "Makes a retry safe: a repeat of the same request with the same key (per API key, within 24 h) "
                + "answers the first answer with `Idempotent-Replayed: true` and changes nothing.",
            Schema = new OpenApiSchema
            {
                Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotentRequest.MaxKeyLength, Pattern = "^[!-~]+$",
            },
        });
        return Task.CompletedTask;
    });
}
