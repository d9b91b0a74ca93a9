using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Serilog.Core;
using Serilog.Events;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>Keeps every log event the host writes, rendered as a console line would be, with its properties.</summary>
public sealed class LogCapture : ILogEventSink
{
    private readonly ConcurrentQueue<(LogEvent Event, string Text)> _events = new();

    public void Emit(LogEvent logEvent)
    {
        var properties = string.Join(" ", logEvent.Properties.Select(p => $"{p.Key}={p.Value}"));
        _events.Enqueue((logEvent, $"{logEvent.RenderMessage()} {properties} {logEvent.Exception}"));
    }

    public IReadOnlyList<string> Lines => [.. _events.Select(e => e.Text)];

    public IReadOnlyList<LogEvent> Events => [.. _events.Select(e => e.Event)];

    public void Clear() => _events.Clear();
}

/// <summary>
/// The in-memory test server has no client address; this takes it from a test-only header so each test
/// client is a distinct caller (limits per address are then testable and never shared between tests).
/// </summary>
public sealed class ClientAddressFromHeader : IStartupFilter
{
    public const string Header = "X-Test-Client-Address";
    private static int _next;

    public static string NewAddress()
    {
        var n = Interlocked.Increment(ref _next);
        return $"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}";
    }

    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((http, following) =>
        {
            if (IPAddress.TryParse(http.Request.Headers[Header].ToString(), out var address))
                http.Connection.RemoteIpAddress = address;
            return following(http);
        });
        next(app);
    };
}
