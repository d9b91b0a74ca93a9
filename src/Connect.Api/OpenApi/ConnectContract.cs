using Connect.Api.Idempotency;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Connect.Api.OpenApi;

/// <summary>The OpenAPI document as the contract: every transformer that turns the generated document into it.</summary>
internal static class ConnectContract
{
    public const string Title = "Connect API";

    private static readonly Dictionary<string, string> TagDescriptions = new(StringComparer.Ordinal)
    {
        ["Catalog (read)"] = "What shops and order systems read: offerings, catalogs, groups, status history and the change log.",
        ["Catalog (management)"] = "Create and change products, groups, offerings and catalogs; archive and restore offerings, now, later or as a dry run.",
        ["Webhooks"] = "Catalog changes pushed to a URL as signed CloudEvents, in order, retried until delivered.",
        ["Pricing (promo codes)"] = "Promo codes: percentage or amount off the offerings they apply to.",
        ["Identity"] = "The calling key.",
        ["Identity (API keys)"] = "API keys: create, list, revoke.",
        ["Health"] = "Liveness and readiness probes, without a key.",
    };

    public static OpenApiOptions DescribeContract(this OpenApiOptions options)
    {
        var included = options.ShouldInclude;
        // Every GET answers HEAD too (said in the introduction); listing each twice would only double a generated client.
        options.ShouldInclude = api => api.HttpMethod != "HEAD" && included(api);
        options.AddSchemaTransformer(SchemaFixes.Apply);
        options.AddOperationTransformer(OperationContract.Apply);
        options.AddDocumentTransformer((document, _, _) =>
        {
            Describe(document);
            return Task.CompletedTask;
        });
        return options;
    }

    private static void Describe(OpenApiDocument document)
    {
        document.Info = new OpenApiInfo
        {
            Title = Title,
            Version = "1.0.0",
            Summary = "Product catalog for mobile operators: offerings, catalogs, prices, promo codes and the change log.",
            Description = Introduction(),
            License = new OpenApiLicense { Name = "Proprietary", Identifier = "LicenseRef-Proprietary" },
        };
        // Relative: the page and generated clients talk to the host that served the document.
        document.Servers = [new OpenApiServer { Url = "/", Description = "The host serving this document" }];
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[OperationContract.SchemeId] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = "X-Api-Key",
            Description = "An API key (`ck_...`). Each operation names the scope the key must hold.",
        };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema.Id] = ProblemSchema.Create();
        foreach (var tag in document.Tags ?? new HashSet<OpenApiTag>())
            if (tag.Name is { } name && TagDescriptions.TryGetValue(name, out var description)) tag.Description = description;
    }

    private static string Introduction()
    {
        using var stream = typeof(ConnectContract).Assembly.GetManifestResourceStream("Connect.Api.OpenApi.Introduction.md")!;
        return new StreamReader(stream).ReadToEnd();
    }
}
