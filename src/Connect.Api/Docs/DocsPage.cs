using Connect.Api.OpenApi;
using Scalar.AspNetCore;

namespace Connect.Api.Docs;

/// <summary>
/// The interactive reference at <c>/docs</c> (Scalar): the document's introduction, "Test request" sending the
/// <c>X-Api-Key</c> the reader enters, and nothing loaded or offered from anywhere but this service.
/// </summary>
internal static class DocsPage
{
    public const string Path = "/docs";

    public static IEndpointConventionBuilder MapDocsPage(this IEndpointRouteBuilder routes) =>
        routes.MapScalarApiReference(Path, o => o
                .WithTitle(ConnectContract.Title)
                .WithOpenApiRoutePattern("/openapi/{documentName}.json")
                .AddDocument("v1", ConnectContract.Title)
                .AddPreferredSecuritySchemes(OperationContract.SchemeId)
                .AddApiKeyAuthentication(OperationContract.SchemeId, key => key.WithName("X-Api-Key"))
                // The page's script is served from this service; fonts would come from Scalar's CDN.
                .DisableDefaultFonts()
                // The .NET flag adds a "Deploy" offer; the agent is an "Ask AI" chat; telemetry reports requests sent.
                .WithDotNetFlag(false)
                .DisableAgent()
                .DisableMcp()
                .DisableTelemetry()
                .HideDeveloperTools())
            .AllowAnonymous();
}
