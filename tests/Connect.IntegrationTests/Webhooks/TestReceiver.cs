using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>One request a receiver got, and whether its signature checked out.</summary>
internal sealed record Received(string Id, string Timestamp, string Signature, string? ContentType, string Body, bool SignatureValid, int Status)
{
    public JsonNode Event => JsonNode.Parse(Body)!;
    public long Sequence => long.Parse(Id, System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>
/// A webhook receiver: a real Kestrel server on 127.0.0.1, whose answers a test sets. It checks signatures as the
/// Standard Webhooks text says, on its own: HMAC-SHA256 keyed by the base64-decoded secret after <c>whsec_</c>, over
/// <c>{webhook-id}.{webhook-timestamp}.{body}</c>, compared with each <c>v1,</c> entry of <c>webhook-signature</c>.
/// </summary>
internal sealed class TestReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _inFlight;

    public ConcurrentQueue<Received> Requests { get; } = new();
    public string Url { get; private set; } = "";
    public string Secret { get; set; } = "";

    /// <summary>The status to answer a request with (the requests before it are in <see cref="Requests"/>).</summary>
    public Func<Received, int> Answer { get; set; } = _ => 200;

    /// <summary>While true, every connection is dropped without an answer, as by a receiver that is down.</summary>
    public volatile bool Down;

    public TimeSpan Delay { get; set; }

    /// <summary>Awaited before answering: a receiver holding a request open until the test lets it go.</summary>
    public Func<Received, Task>? Hold { get; set; }

    /// <summary>The most requests it ever had under way at once.</summary>
    public int MostAtOnce { get; private set; }

    private TestReceiver()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/hook", HandleAsync);
    }

    public static async Task<TestReceiver> StartAsync()
    {
        var receiver = new TestReceiver();
        await receiver._app.StartAsync();
        receiver.Url = receiver._app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/hook";
        return receiver;
    }

    /// <summary>The requests answered with a 2xx, in the order they arrived.</summary>
    public IReadOnlyList<Received> Delivered => [.. Requests.Where(r => r.Status is >= 200 and < 300)];

    public async Task<IReadOnlyList<Received>> WaitForDeliveredAsync(int count, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (Delivered.Count < count && DateTime.UtcNow < deadline) await Task.Delay(20);
        Delivered.Should().HaveCountGreaterThanOrEqualTo(count, "every change should have been delivered by now");
        return Delivered;
    }

    private async Task HandleAsync(HttpContext http)
    {
        if (Down)
        {
            http.Abort();
            return;
        }
        var now = Interlocked.Increment(ref _inFlight);
        try
        {
            lock (Requests) MostAtOnce = Math.Max(MostAtOnce, now);
            using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
            var body = await reader.ReadToEndAsync();
            var id = http.Request.Headers["webhook-id"].ToString();
            var timestamp = http.Request.Headers["webhook-timestamp"].ToString();
            var signature = http.Request.Headers["webhook-signature"].ToString();
            var received = new Received(id, timestamp, signature, http.Request.ContentType, body, Verify(Secret, id, timestamp, body, signature), 0);
            var status = Answer(received);
            if (Delay > TimeSpan.Zero) await Task.Delay(Delay);
            if (Hold is { } hold) await hold(received);
            Requests.Enqueue(received with { Status = status });
            http.Response.StatusCode = status;
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private static bool Verify(string secret, string id, string timestamp, string body, string signatureHeader)
    {
        if (!secret.StartsWith("whsec_", StringComparison.Ordinal)) return false;
        var key = Convert.FromBase64String(secret["whsec_".Length..]);
        var expected = Encoding.ASCII.GetBytes(Convert.ToBase64String(HMACSHA256.HashData(key, Encoding.UTF8.GetBytes($"{id}.{timestamp}.{body}"))));
        return signatureHeader.Split(' ').Any(s => s.StartsWith("v1,", StringComparison.Ordinal)
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(s[3..]), expected));
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
