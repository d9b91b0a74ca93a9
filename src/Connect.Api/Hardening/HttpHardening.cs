using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Http.Features;

namespace Connect.Api.Hardening;

/// <summary>Configuration section <c>Connect:Http</c>: the bounds every request is held to, and CORS.</summary>
internal sealed class HttpLimits
{
    public const string Section = "Connect:Http";

    /// <summary>Largest request body accepted (bytes); larger → 413.</summary>
    public long MaxRequestBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>Longest query string accepted (characters); longer → 414.</summary>
    public int MaxQueryStringLength { get; set; } = 8 * 1024;

    /// <summary>
    /// Proxies (addresses or CIDR ranges) whose <c>X-Forwarded-For</c> is believed, over any number of hops: the
    /// client is the right-most address of the chain that is not one of them. Empty: the connection's own address.
    /// </summary>
    public string[] TrustedProxies { get; set; } = [];

    /// <summary>Origins allowed to call from a browser; empty: CORS closed.</summary>
    public string[] CorsOrigins { get; set; } = [];
}

/// <summary>
/// What every response and request gets whatever the endpoint: security headers, no server banner, bounded
/// bodies and query strings (answered with problems, like every other error), and CORS only when configured.
/// </summary>
internal static class HttpHardening
{
    private const string CorsPolicy = "configured-origins";

    public static WebApplicationBuilder AddHttpHardening(this WebApplicationBuilder builder)
    {
        var limits = builder.Configuration.GetSection(HttpLimits.Section).Get<HttpLimits>() ?? new HttpLimits();
        ClientAddress.RejectRetiredSetting(builder.Configuration.GetSection(HttpLimits.Section));
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel =>
        {
            kestrel.AddServerHeader = false;
            kestrel.Limits.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            // Room for the longest query string we answer (with a 414 problem) rather than Kestrel's bare 414.
            kestrel.Limits.MaxRequestLineSize = limits.MaxQueryStringLength + 8 * 1024;
            kestrel.Limits.MaxRequestHeadersTotalSize = 32 * 1024;
            kestrel.Limits.MaxRequestHeaderCount = 100;
        });
        builder.Services.AddCors(cors =>
        {
            if (limits.CorsOrigins.Length > 0)
                cors.AddPolicy(CorsPolicy, policy => policy
                    .WithOrigins(limits.CorsOrigins)
                    .WithMethods("GET", "POST", "PATCH")
                    .WithHeaders("X-Api-Key", "Content-Type", "If-Match", "If-None-Match", "Accept-Language", "Idempotency-Key")
                    .WithExposedHeaders("ETag", "Location", "Retry-After", "Idempotent-Replayed"));
        });
        return builder;
    }

    /// <summary>Runs inside the problem responses, so a refused request still gets a problem document.</summary>
    public static IApplicationBuilder UseHttpHardening(this WebApplication app)
    {
        var limits = app.Services.GetRequiredService<HttpLimits>();
        if (limits.TrustedProxies.Length > 0)
            app.UseForwardedHeaders(ClientAddress.FromTrustedProxies(limits.TrustedProxies));
        app.Use((http, next) =>
        {
            // At the last moment, so an error answer (which clears the response first) carries them too.
            http.Response.OnStarting(() =>
            {
                var headers = http.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                headers.XFrameOptions = "DENY";
                headers["Referrer-Policy"] = "no-referrer";
                headers["Cross-Origin-Resource-Policy"] = "same-origin";
                CacheHeaders.Apply(http);
                return Task.CompletedTask;
            });

            if (http.Request.QueryString.HasValue && http.Request.QueryString.Value!.Length > limits.MaxQueryStringLength)
                return Problems.WriteAsync(http, Problems.Create(http, 414, "uri_too_long", "URI too long",
                    $"The query string is longer than {limits.MaxQueryStringLength} characters."));
            if (http.Request.ContentLength > limits.MaxRequestBodyBytes)
                return Problems.WriteAsync(http, Problems.Create(http, 413, "payload_too_large", "Payload too large",
                    $"The request body is larger than {limits.MaxRequestBodyBytes} bytes."));
            // Chunked bodies have no length up front: the server stops reading at the limit (413 problem).
            if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
                size.MaxRequestBodySize = limits.MaxRequestBodyBytes;
            else
                http.Request.Body = new LimitedReadStream(http.Request.Body, limits.MaxRequestBodyBytes);
            return next(http);
        });
        if (limits.CorsOrigins.Length > 0) app.UseCors(CorsPolicy);
        app.UseJsonBodies();
        return app;
    }

    /// <summary>For servers without a body size feature (the in-memory test server): stops reading past the limit.</summary>
    private sealed class LimitedReadStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int read)
        {
            _read += read;
            if (_read > limit) throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge);
            return read;
        }
    }
}
