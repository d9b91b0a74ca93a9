using System.Text.Json;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Http;

namespace Connect.Catalog.Http;

/// <summary>
/// A response object with the exact bytes it is sent as and their strong ETag, written out and hashed on first use
/// only, so a representation kept in memory is serialized once however often it is sent (and never when an
/// in-process caller only wants the object). The bytes and the tag are those <see cref="ETags.Json(HttpContext, object, JsonSerializerOptions, int)"/>
/// produces for the same object.
/// </summary>
internal sealed class JsonRendering<T> where T : class
{
    private readonly JsonSerializerOptions _options;
    private byte[]? _body;
    private string? _etag;

    private JsonRendering(T value, JsonSerializerOptions options)
    {
        Value = value;
        _options = options;
    }

    public T Value { get; }

    // A race writes the same bytes twice; either copy is right.
    public byte[] Body => _body ??= JsonSerializer.SerializeToUtf8Bytes(Value, Value.GetType(), _options);

    public string ETag => _etag ??= ETags.Of(Body);

    public static JsonRendering<T> Of(T value, JsonSerializerOptions options) => new(value, options);
}

/// <summary>How an endpoint answers with a rendering.</summary>
internal static class JsonRendering
{
    /// <summary>200 with the rendering's bytes and ETag (or 304), or a 404 problem.</summary>
    public static IResult Respond<T>(HttpContext http, JsonRendering<T>? rendering, string kind, string id) where T : class =>
        rendering is null ? throw new NotFoundException(kind, id) : ETags.Json(http, rendering.Body, rendering.ETag);
}
