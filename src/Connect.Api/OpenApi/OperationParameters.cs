using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>Query, path and conditional-request header parameters of an operation.</summary>
internal static class OperationParameters
{
    public static void Apply(OpenApiOperation operation, OperationDoc doc, string method, OpenApiDocument? document)
    {
        operation.Parameters ??= [];
        foreach (var path in operation.Parameters.OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Path))
            path.Description ??= "The resource's id.";
        foreach (var query in doc.Query)
        {
            // The generator already lists what the handler binds by name (promoCode): describe it rather than add a second.
            var bound = operation.Parameters.OfType<OpenApiParameter>().FirstOrDefault(p => p.In == ParameterLocation.Query && p.Name == query.Name);
            if (bound is not null) operation.Parameters.Remove(bound);
            operation.Parameters.Add(new OpenApiParameter
            {
                Name = query.Name, In = ParameterLocation.Query, Description = query.Description, Schema = query.Schema(document),
                Style = ParameterStyle.Form, Explode = true,
            });
        }
        if (doc.Tagged && method == "GET")
            operation.Parameters.Add(Header("If-None-Match", "An ETag you hold: when it is still the current one, the answer is 304 without a body."));
        if (doc.Conditional)
        {
            operation.Parameters.Add(Header("If-Match", "The ETag you read: the change happens only while it is still current (else 412, nothing changes). `*` = the resource exists."));
            operation.Parameters.Add(Header("If-None-Match", "`*` or an ETag: the change happens only while the resource's ETag is not listed (else 412)."));
        }
        if (doc.Localized)
            operation.Parameters.Add(Header("Accept-Language", "Overrides the key's locale (BCP 47, e.g. `en-US`) for this request."));
    }

    private static OpenApiParameter Header(string name, string description) => new()
    {
        Name = name, In = ParameterLocation.Header, Description = description, Schema = new OpenApiSchema { Type = JsonSchemaType.String },
    };
}
