using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>Every response an operation can give: success with its headers and example, 304, and each problem.</summary>
internal static class OperationResponses
{
    public static void Apply(OpenApiOperation operation, OperationDoc doc, OperationAccess access, string method, OpenApiDocument? document)
    {
        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses.Where(r => r.Key.StartsWith('2')).ToList())
        {
            if (response is not OpenApiResponse success) continue;
            success.Description = status == "201" ? "Created." : "OK.";
            success.Headers ??= new Dictionary<string, IOpenApiHeader>();
            if (doc.Tagged) success.Headers["ETag"] = Header("The representation's strong ETag: send it back in `If-Match` or `If-None-Match`.");
            if (status == "201") success.Headers["Location"] = Header("The new resource's path.");
            if (doc.Example is { } example && success.Content is not null)
                foreach (var media in success.Content.Values) media.Example = Examples.Load(example);
        }
        if (doc.Tagged && method == "GET")
            operation.Responses["304"] = new OpenApiResponse
            {
                Description = "Not modified: `If-None-Match` lists the current ETag.",
                Headers = new Dictionary<string, IOpenApiHeader> { ["ETag"] = Header("The current ETag.") },
            };
        foreach (var (status, when) in Problems(operation, doc, access, method))
            operation.Responses[status.ToString(System.Globalization.CultureInfo.InvariantCulture)] = Problem(status, when, document);
    }

    private static SortedDictionary<int, string> Problems(OpenApiOperation operation, OperationDoc doc, OperationAccess access, string method)
    {
        var problems = new SortedDictionary<int, string>();
        void Add(int status, string when) => problems[status] = problems.TryGetValue(status, out var earlier) ? $"{earlier} Or: {when}" : when;

        var body = operation.RequestBody is not null;
        var write = method is "POST" or "PATCH";
        if (body || operation.Parameters?.Count(p => p.In == ParameterLocation.Query) > 0 || doc.Conditional)
            Add(400, "The request is not valid: malformed JSON, an unknown or read-only property, an invalid value (`validation_failed`, "
                + "with `errors[]`), a bad query parameter or header (`bad_request`).");
        if (access.NeedsKey)
            Add(401, "The `X-Api-Key` is missing, unknown, malformed, revoked or expired (`unauthorized`; one answer for all of these).");
        if (access.Scope is { } scope) Add(403, $"The key does not hold `{scope}` (`forbidden`).");
        if (operation.Parameters?.Any(p => p.In == ParameterLocation.Path) == true)
            Add(404, "No resource has this id, or the key may not see it (`not_found`).");
        foreach (var (status, when) in doc.Problems) Add(status, when);
        if (write) Add(409, "A request with the same `Idempotency-Key` is still running (`idempotency_key_in_use`).");
        if (doc.Conditional) Add(412, "`If-Match` or `If-None-Match` does not hold (`precondition_failed`); nothing changed.");
        if (body)
        {
            Add(413, "The body is larger than the limit (`payload_too_large`).");
            Add(415, "The body is not `application/json` (`unsupported_media_type`).");
        }
        if (write) Add(422, "The `Idempotency-Key` was used with another method, path or body (`idempotency_key_mismatch`).");
        if (access.NeedsKey)
        {
            Add(429, "The key's rate limit is exceeded, or too many wrong keys came from this address (`rate_limited`); see `Retry-After`.");
            Add(503, "The database is not reachable (`unavailable`); see `Retry-After`.");
        }
        return problems;
    }

    private static OpenApiResponse Problem(int status, string when, OpenApiDocument? document)
    {
        var response = new OpenApiResponse
        {
            Description = when,
            Content = new Dictionary<string, OpenApiMediaType>
            {
                [ProblemSchema.ContentType] = new() { Schema = new OpenApiSchemaReference(ProblemSchema.Id, document) },
            },
        };
        if (status is 429 or 503)
            response.Headers = new Dictionary<string, IOpenApiHeader> { ["Retry-After"] = Header("Seconds to wait before trying again.", JsonSchemaType.Integer) };
        if (status == 401)
            response.Headers = new Dictionary<string, IOpenApiHeader> { ["WWW-Authenticate"] = Header("`ApiKey`.") };
        return response;
    }

    private static OpenApiHeader Header(string description, JsonSchemaType type = JsonSchemaType.String) =>
        new() { Description = description, Schema = new OpenApiSchema { Type = type } };
}
