using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>Request bodies as a client should send them.</summary>
internal static class OperationBodies
{
    public static void Apply(OpenApiOperation operation, OperationDoc doc, OpenApiDocument? document)
    {
        if (operation.RequestBody is not OpenApiRequestBody body || body.Content is null) return;
        foreach (var media in body.Content.Values)
        {
            if (doc.PatchOf is { } writable)
            {
                // The handler takes raw JSON; what it merges into is the writable form.
                media.Schema = new OpenApiSchemaReference(writable, document);
                body.Description = "A JSON merge patch: only the properties to change; `null` clears an optional one.";
            }
            else if (media.Schema is OpenApiSchema { OneOf: [OpenApiSchema { Type: JsonSchemaType.Null }, var inner] })
            {
                // An optional body: clients should see its one shape, not "null or" it.
                media.Schema = inner;
                body.Required = false;
            }
        }
    }
}
