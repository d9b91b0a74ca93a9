using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Connect.SharedKernel.Http;

/// <summary>
/// Strong ETags computed from the representation's bytes, so any change the caller could see, including
/// one in a joined product or group, changes the tag.
/// </summary>
public static class ETags
{
    public static string Of(ReadOnlySpan<byte> body) =>
        "\"" + Convert.ToBase64String(SHA256.HashData(body)[..16]).TrimEnd('=').Replace('+', '-').Replace('/', '_') + "\"";

    public static string Of(object representation, JsonSerializerOptions options) =>
        Of(JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), options));

    /// <summary>True when an If-None-Match / If-Match header value lists the tag (or is "*").</summary>
    public static bool Matches(string? headerValue, string etag)
    {
        if (string.IsNullOrWhiteSpace(headerValue)) return false;
        if (!EntityTagHeaderValue.TryParseList([headerValue], out var tags)) return false;
        return tags.Any(t => t.Tag == "*" || t.Tag.Value == etag);
    }

    /// <summary>200 with the body and its ETag, or 304 when If-None-Match already holds that tag.</summary>
    public static IResult Json(HttpContext http, object representation, JsonSerializerOptions options, int status = 200)
    {
        var body = JsonSerializer.SerializeToUtf8Bytes(representation, representation.GetType(), options);
        return Json(http, body, Of(body), status);
    }

    /// <summary>The same answer for a body already written out, with its tag (a representation kept written out in memory).</summary>
    public static IResult Json(HttpContext http, byte[] body, string etag, int status = 200)
    {
        http.Response.Headers.ETag = etag;
        if (status == 200 && Matches(http.Request.Headers.IfNoneMatch, etag))
            return NotModified;
        return new BytesResult(body, status);
    }

    private static readonly IResult NotModified = Results.StatusCode(StatusCodes.Status304NotModified);

    internal sealed class BytesResult(byte[] body, int status) : IResult
    {
        public Task ExecuteAsync(HttpContext http)
        {
            http.Response.StatusCode = status;
            http.Response.ContentType = "application/json; charset=utf-8";
            http.Response.ContentLength = body.Length;
            return http.Response.Body.WriteAsync(body).AsTask();
        }
    }
}
