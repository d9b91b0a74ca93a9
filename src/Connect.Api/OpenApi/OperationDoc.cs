using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>
/// What the OpenAPI document says about one operation beyond what its endpoint metadata gives: names, prose, the
/// query parameters read from the query string by hand, and the problems particular to it.
/// </summary>
internal sealed record OperationDoc(string OperationId, string Summary, string Description)
{
    /// <summary>Query parameters the handler reads itself (the generator cannot see them).</summary>
    public IReadOnlyList<QueryParameter> Query { get; init; } = [];

    /// <summary>Problem statuses particular to this operation, with when they happen.</summary>
    public IReadOnlyDictionary<int, string> Problems { get; init; } = new Dictionary<int, string>();

    /// <summary>The operation honours <c>If-Match</c> / <c>If-None-Match</c> against the resource's ETag (412).</summary>
    public bool Conditional { get; init; }

    /// <summary>The answer is one resource with an <c>ETag</c> (and 304 on a matching <c>If-None-Match</c> for a GET).</summary>
    public bool Tagged { get; init; }

    /// <summary>The locale of the key may be overridden for this request by <c>Accept-Language</c>.</summary>
    public bool Localized { get; init; }

    /// <summary>Schema of a JSON merge patch body (the writable form it patches).</summary>
    public string? PatchOf { get; init; }

    /// <summary>An example of the success answer (an embedded example file, see <see cref="Examples"/>).</summary>
    public string? Example { get; init; }
}

/// <summary>A query parameter: name, prose and schema.</summary>
internal sealed record QueryParameter(string Name, string Description, Func<OpenApiDocument?, IOpenApiSchema> Schema)
{
    public static QueryParameter Text(string name, string description) =>
        new(name, description, _ => new OpenApiSchema { Type = JsonSchemaType.String });

    public static QueryParameter Int(string name, string description, int minimum, int maximum, int @default) =>
        new(name, description, _ => new OpenApiSchema
        {
            Type = JsonSchemaType.Integer, Format = "int32", Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture), Default = JsonValue.Create(@default),
        });

    public static QueryParameter Choice(string name, string description, string @default, params string[] values) =>
        new(name, description, _ => new OpenApiSchema
        {
            Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))], Default = JsonValue.Create(@default),
        });

    public static QueryParameter Of(string name, string description, string schemaId) =>
        new(name, description, document => new OpenApiSchemaReference(schemaId, document));

    /// <summary>Repeatable (<c>?type=A&amp;type=B</c>), each value one of the schema's.</summary>
    public static QueryParameter Many(string name, string description, string schemaId) =>
        new(name, description, document => new OpenApiSchema { Type = JsonSchemaType.Array, Items = new OpenApiSchemaReference(schemaId, document) });

    public static QueryParameter ManyOf(string name, string description, params string[] values) =>
        new(name, description, _ => new OpenApiSchema
        {
            Type = JsonSchemaType.Array,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] },
        });

    public static readonly QueryParameter PromoCode = Text("promoCode",
        "A promo code to price with: when it applies, `price` shows the promotional price; when it is valid but does not apply, "
        + "the regular price. An unknown, expired, not yet valid or deactivated code is a 422 `promo_code_invalid`.");

    public static readonly QueryParameter[] Paging =
    [
        Int("limit", "Page size.", 1, 1000, 100),
        Int("offset", "How many items to skip.", 0, int.MaxValue, 0),
    ];
}
