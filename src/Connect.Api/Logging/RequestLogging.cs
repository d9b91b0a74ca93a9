using System.Diagnostics;
using Connect.Identity.Contracts;

namespace Connect.Api.Logging;

/// <summary>
/// One structured line per request, written through the host's own logger (each host keeps its own, so the
/// process-wide static logger Serilog's request logging writes to is never set). 5xx answers log as errors.
/// </summary>
internal static class RequestLogging
{
    private const string Template =
        "HTTP {RequestMethod} {RoutePattern} {RequestPath} responded {StatusCode} in {Elapsed:0.0} ms (key {ApiKeyId}, client {ClientAddress}, trace {TraceId})";

    public static IApplicationBuilder UseRequestLogging(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Connect.Api.Requests");
        app.Use(async (http, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            var status = 500;
            try
            {
                await next(http);
                status = http.Response.StatusCode;
            }
            finally
            {
                // The path as it travels on the wire (percent-encoded), so what a caller puts in it stays on one line.
                logger.Log(status >= 500 ? LogLevel.Error : LogLevel.Information, Template,
                    http.Request.Method, (http.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText, http.Request.Path.ToUriComponent(),
                    status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, http.User.GetApiKeyId(),
                    http.Connection.RemoteIpAddress?.ToString(), Activity.Current?.TraceId.ToString() ?? http.TraceIdentifier);
            }
        });
        return app;
    }
}
