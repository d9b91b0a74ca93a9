using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;

namespace Connect.Api.Hardening;

/// <summary>
/// Every GET route also answers HEAD (RFC 9110 §9.3.2): the same status and headers, no body, whichever server
/// runs the application.
/// </summary>
internal static class HeadRequests
{
    /// <summary>Adds HEAD to the methods of every GET endpoint mapped under <paramref name="routes"/>.</summary>
    public static RouteGroupBuilder WithHeadOnEveryGet(this RouteGroupBuilder routes)
    {
        ((IEndpointConventionBuilder)routes).Finally(endpoint =>
        {
            if (endpoint.Metadata.OfType<HttpMethodMetadata>().LastOrDefault() is { } methods &&
                methods.HttpMethods.Contains(HttpMethods.Get) && !methods.HttpMethods.Contains(HttpMethods.Head))
                endpoint.Metadata.Add(new HttpMethodMetadata([.. methods.HttpMethods, HttpMethods.Head], methods.AcceptCorsPreflight));
        });
        return routes;
    }

    /// <summary>Runs a HEAD request like its GET and drops what the endpoint writes as a body.</summary>
    public static IApplicationBuilder UseHeadWithoutBody(this IApplicationBuilder app) => app.Use(async (http, next) =>
    {
        if (!HttpMethods.IsHead(http.Request.Method))
        {
            await next(http);
            return;
        }
        var original = http.Features.GetRequiredFeature<IHttpResponseBodyFeature>();
        http.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(Stream.Null, original));
        try
        {
            await next(http);
        }
        finally
        {
            http.Features.Set(original);
        }
    });
}
