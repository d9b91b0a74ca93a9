using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Primitives;

namespace Connect.Api.Hardening;

/// <summary>
/// An answer behind a key is for that key's holder only: <c>Cache-Control: private</c> (unless the endpoint chose
/// stricter, like <c>no-store</c> on a new key) and <c>Vary</c> on the key and whatever else it depends on, so no
/// shared cache hands one caller's answer to another.
/// </summary>
internal static class CacheHeaders
{
    public static void Apply(HttpContext http)
    {
        var endpoint = http.GetEndpoint();
        if (endpoint is null || endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null ||
            endpoint.Metadata.GetMetadata<IAuthorizeData>() is null)
            return;
        var headers = http.Response.Headers;
        if (headers.CacheControl.Count == 0) headers.CacheControl = "private";
        var vary = new List<string> { "X-Api-Key" };
        vary.AddRange(endpoint.Metadata.GetOrderedMetadata<VaryByHeaders>().SelectMany(v => v.Headers));
        headers.Vary = StringValues.Concat(headers.Vary, new StringValues([.. vary]));
    }
}
