using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Connect.SharedKernel.ChangeLog;
using Connect.Webhooks.Domain;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Webhooks.Delivery;

/// <summary>How one attempt went: a 2xx within the timeout is a delivery, anything else is retried.</summary>
internal sealed record AttemptOutcome(DateTimeOffset AttemptedAt, int? StatusCode, string? Error, int DurationMs, bool TimedOut = false)
{
    public bool Delivered => StatusCode is >= 200 and < 300;

    /// <summary>The outcome as the metrics name it.</summary>
    public string Kind => Delivered ? "delivered" : StatusCode is not null ? "rejected" : TimedOut ? "timeout" : "unreachable";
}

/// <summary>
/// Posts one change as a CloudEvents 1.0 structured event, signed as Standard Webhooks do. Redirects are not
/// followed, and every connection is checked against the private-network rule when it is made, so a host that
/// has come to resolve to a private address since the webhook was created is refused then.
/// </summary>
internal sealed class WebhookSender : IDisposable
{
    private readonly HttpClient _client;
    private readonly WebhookOptions _options;
    private readonly JsonSerializerOptions _json;
    private readonly TimeProvider _clock;
    private readonly WebhookMetrics _metrics;

    public WebhookSender(IOptions<WebhookOptions> options, IOptions<JsonOptions> json, TimeProvider clock, WebhookMetrics metrics)
    {
        _metrics = metrics;
        _options = options.Value;
        _json = json.Value.SerializerOptions;
        _clock = clock;
        var allowPrivate = _options.AllowPrivateNetworks;
        _client = new HttpClient(new SocketsHttpHandler
        {
            AllowAutoRedirect = false, UseCookies = false, UseProxy = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            ConnectCallback = (context, cancellationToken) => ConnectAsync(context.DnsEndPoint, allowPrivate, cancellationToken),
        }) { Timeout = Timeout.InfiniteTimeSpan };
    }

    public static string EventType(CatalogChange change) => $"connect.{change.ResourceType}.{change.Change.ToLowerInvariant()}";

    public byte[] Body(CatalogChange change) => JsonSerializer.SerializeToUtf8Bytes(new CloudEvent("1.0", EventId(change), "connect",
        EventType(change), change.ResourceId, change.OccurredAt, "application/json", change), _json);

    public static string EventId(CatalogChange change) => change.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary><c>v1,</c> + base64 of HMAC-SHA256 over <c>{id}.{timestamp}.{body}</c>, keyed by the decoded secret.</summary>
    public static string Signature(string secret, string id, long timestamp, byte[] body)
    {
        var signed = Encoding.UTF8.GetBytes($"{id}.{timestamp}.").Concat(body).ToArray();
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(WebhookSecrets.SigningKey(secret), signed));
    }

    public async Task<AttemptOutcome> SendAsync(string url, string secret, CatalogChange change)
    {
        var outcome = await AttemptAsync(url, secret, change);
        _metrics.Attempted(outcome, change, _clock.GetUtcNow());
        return outcome;
    }

    private async Task<AttemptOutcome> AttemptAsync(string url, string secret, CatalogChange change)
    {
        var body = Body(change);
        var attemptedAt = _clock.GetUtcNow();
        var id = EventId(change);
        var timestamp = attemptedAt.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/cloudevents+json") { CharSet = "utf-8" };
        request.Headers.Add("webhook-id", id);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(System.Globalization.CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", Signature(secret, id, timestamp, body));
        request.Headers.UserAgent.ParseAdd("Connect-Webhooks/1.0");
        using var timeout = new CancellationTokenSource(_options.Timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            var status = (int)response.StatusCode;
            return new AttemptOutcome(attemptedAt, status, status is >= 200 and < 300 ? null : $"The receiver answered {status}.", Elapsed(watch));
        }
        catch (OperationCanceledException) when (timeout.IsCancellationRequested)
        {
            return new AttemptOutcome(attemptedAt, null, $"No answer within {_options.Timeout.TotalSeconds:0.###} s.", Elapsed(watch), TimedOut: true);
        }
        catch (HttpRequestException ex)
        {
            return new AttemptOutcome(attemptedAt, null, Innermost(ex), Elapsed(watch));
        }
    }

    private static int Elapsed(Stopwatch watch) => (int)Math.Min(int.MaxValue, watch.ElapsedMilliseconds);

    private static string Innermost(Exception ex)
    {
        while (ex.InnerException is not null && ex is not DestinationRefusedException) ex = ex.InnerException;
        return ex.Message;
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endpoint, bool allowPrivate, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(endpoint.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken);
        if (!allowPrivate && addresses.FirstOrDefault(a => !UrlGuard.IsPublic(a)) is { } blocked)
            throw new DestinationRefusedException($"Not connected: {endpoint.Host} resolves to {blocked}, which is not a public address.");
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, endpoint.Port, cancellationToken);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    public void Dispose() => _client.Dispose();

    private sealed record CloudEvent(string Specversion, string Id, string Source, string Type, string Subject, DateTimeOffset Time,
        string Datacontenttype, CatalogChange Data);
}

/// <summary>A connection the private-network rule refused.</summary>
internal sealed class DestinationRefusedException(string message) : IOException(message);
