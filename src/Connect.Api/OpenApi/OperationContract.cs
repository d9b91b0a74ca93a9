using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>
/// Completes each operation from <see cref="OperationDocs"/> and its endpoint's metadata: names and prose, the
/// scope, the security requirement, parameters, and every response with its headers (see <see cref="OperationResponses"/>).
/// </summary>
internal static class OperationContract
{
    public const string SchemeId = "ApiKey";

    public static Task Apply(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var api = context.Description;
        var method = api.HttpMethod ?? "GET";
        // An operation not described yet still gets a usable name (the contract test asks for an entry).
        var doc = OperationDocs.Find(method, api.RelativePath) ?? new OperationDoc(
            $"{method.ToLowerInvariant()}_{api.RelativePath?.Replace('/', '_').Replace("{", "").Replace("}", "")}", $"{method} /{api.RelativePath}", "");
        var access = OperationAccess.Of(api.ActionDescriptor.EndpointMetadata);

        operation.OperationId ??= doc.OperationId;
        operation.Summary ??= doc.Summary;
        operation.Description = $"{operation.Description ?? doc.Description}\n\n{access.Sentence}";
        operation.Security = access.NeedsKey
            ? [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeId, context.Document)] = [] }]
            : [];

        OperationParameters.Apply(operation, doc, method, context.Document);
        OperationBodies.Apply(operation, doc, context.Document);
        OperationResponses.Apply(operation, doc, access, method, context.Document);
        return Task.CompletedTask;
    }
}
