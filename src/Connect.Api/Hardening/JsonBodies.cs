using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Net.Http.Headers;

namespace Connect.Api.Hardening;

/// <summary>
/// The one place that decides which bodies an endpoint that takes one accepts: JSON in UTF-8 (<c>charset</c>
/// absent, or <c>utf-8</c> in any case, quoted or not, as RFC 9110 allows), and for PATCH also
/// <c>application/merge-patch+json</c>. Anything else is a 415 problem before the body is read.
/// </summary>
internal static class JsonBodies
{
    private const string MergePatch = "application/merge-patch+json";

    public static IApplicationBuilder UseJsonBodies(this IApplicationBuilder app) => app.Use((http, next) =>
    {
        if (http.GetEndpoint()?.Metadata.GetMetadata<IAcceptsMetadata>() is null || !CarriesBody(http.Request))
            return next(http);
        if (!Acceptable(http.Request))
            return Problems.WriteAsync(http, Problems.Create(http, 415, "unsupported_media_type", "Unsupported media type",
                "Send the body as application/json in UTF-8 (PATCH also takes application/merge-patch+json)."));
        // Checked here; the framework's reader then sees the one spelling it knows.
        http.Request.ContentType = "application/json";
        return next(http);
    });

    private static bool CarriesBody(HttpRequest request) =>
        request.ContentLength > 0 || request.Headers.ContentType.Count > 0 || request.Headers.TransferEncoding.Count > 0;

    private static bool Acceptable(HttpRequest request)
    {
        if (request.Headers.ContentType.Count != 1 || !MediaTypeHeaderValue.TryParse(request.Headers.ContentType.ToString(), out var type))
            return false;
        var mediaType = type.MediaType.Value ?? "";
        var json = mediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase) ||
            (HttpMethods.IsPatch(request.Method) && mediaType.Equals(MergePatch, StringComparison.OrdinalIgnoreCase));
        var charset = type.Parameters.Where(p => p.Name.Equals("charset", StringComparison.OrdinalIgnoreCase)).ToList();
        return json && (charset.Count == 0 ||
            (charset.Count == 1 && HeaderUtilities.RemoveQuotes(charset[0].Value).Equals("utf-8", StringComparison.OrdinalIgnoreCase)));
    }
}
