using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>The RFC 9457 problem document every non-2xx answer carries, with the stable <c>code</c> values.</summary>
internal static class ProblemSchema
{
    public const string Id = "Problem";
    public const string ContentType = "application/problem+json";

    /// <summary>Every <c>code</c> the service writes; a client can switch on these.</summary>
    public static readonly string[] Codes =
    [
        "bad_request", "validation_failed", "unauthorized", "forbidden", "key_exceeds_caller", "not_found", "method_not_allowed",
        "conflict", "last_admin_key", "idempotency_key_in_use", "idempotency_answer_withheld", "precondition_failed",
        "payload_too_large", "uri_too_long", "unsupported_media_type", "promo_code_invalid", "idempotency_key_mismatch",
        "idempotency_key_invalid", "rate_limited", "internal_error", "unavailable",
    ];

    public static OpenApiSchema Create() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An RFC 9457 problem document. Switch on `code`, never on `title` or `detail` (prose that may change).",
        Required = new HashSet<string> { "type", "title", "status", "detail", "instance", "traceId", "code" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["type"] = Text("A URI naming the kind of problem."),
            ["title"] = Text("A short summary of the kind of problem."),
            ["status"] = new OpenApiSchema { Type = JsonSchemaType.Integer, Format = "int32", Description = "The HTTP status." },
            ["detail"] = Text("What went wrong with this request."),
            ["instance"] = Text("The request path."),
            ["traceId"] = Text("The request's trace id: quote it when asking for help; it finds the request's log lines."),
            ["code"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Description = "A stable machine word.",
                Enum = [.. Codes.Select(c => (JsonNode)JsonValue.Create(c))],
            },
            ["reason"] = new OpenApiSchema
            {
                Type = JsonSchemaType.String, Description = "Refines `promo_code_invalid`.",
                Enum = [.. new[] { "unknown", "expired", "not_yet_valid", "inactive" }.Select(c => (JsonNode)JsonValue.Create(c))],
            },
            ["errors"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Array, Description = "For `validation_failed`: each invalid property and why.",
                Items = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object, Required = new HashSet<string> { "property", "message" },
                    Properties = new Dictionary<string, IOpenApiSchema>
                    {
                        ["property"] = Text("The property's path in the request, e.g. `price.currency`."),
                        ["message"] = Text("Why it is not valid."),
                    },
                },
            },
        },
    };

    private static OpenApiSchema Text(string description) => new() { Type = JsonSchemaType.String, Description = description };
}
