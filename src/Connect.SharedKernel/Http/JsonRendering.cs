using System.Text.Json;

namespace Connect.SharedKernel.Http;

/// <summary>
/// A response object with the exact bytes it is sent as and their strong ETag, written out and hashed on first use
/// only, so a representation kept in memory is serialized once however often it is sent (and never when an
/// in-process caller only wants the object). The bytes and the tag are those <see cref="ETags.Json(Microsoft.AspNetCore.Http.HttpContext, object, JsonSerializerOptions, int)"/>
/// produces for the same object.
/// </summary>
public sealed class JsonRendering<T> where T : class
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
