using System.Text;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;
using Marten;

namespace Connect.IntegrationTests.Idempotency;

/// <summary>Requests with an <c>Idempotency-Key</c>, sent as exact bytes so a test knows what was fingerprinted.</summary>
internal static class IdempotentClient
{
    /// <summary>A product without an id: every create that runs makes a new one.</summary>
    public const string NewProduct = """
        {"internalName":"plan_10gb","type":"SUBSCRIPTION","category":"SUBSCRIPTION_CELL","networkProviderId":"net-1","features":{"dataMb":2048}}
        """;

    public static Task<HttpResponseMessage> SendAsync(this HttpClient client, HttpMethod method, string url, string body, string? key)
    {
        var request = new HttpRequestMessage(method, url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        if (key is not null) request.Headers.TryAddWithoutValidation("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> CreateProductAsync(this HttpClient client, string? key, string body = NewProduct) =>
        client.SendAsync(HttpMethod.Post, "/products", body, key);

    public static bool IsReplay(this HttpResponseMessage response) =>
        response.Headers.TryGetValues("Idempotent-Replayed", out var values) && values.SequenceEqual(["true"]);

    public static async Task<int> ProductCountAsync(this ConnectApiFactory api)
    {
        await using var session = api.Store.QuerySession();
        return await session.Query<ProductDocument>().CountAsync();
    }
}
