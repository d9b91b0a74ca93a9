using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>What the webhook tests do through the API.</summary>
internal static class WebhookClient
{
    /// <summary>Creates a webhook to the receiver, which learns its secret; returns its id.</summary>
    public static async Task<string> SubscribeAsync(this HttpClient admin, TestReceiver receiver, string[]? resourceTypes = null)
    {
        var created = await (await admin.PostJson("/webhooks", new { url = receiver.Url, resourceTypes, description = "test receiver" }))
            .ShouldBe(HttpStatusCode.Created);
        receiver.Secret = created["secret"]!.GetValue<string>();
        return created["webhookId"]!.GetValue<string>();
    }

    /// <summary>Commits <paramref name="count"/> changes (products p-0, p-1, ...), returning their log sequences in order.</summary>
    public static async Task<List<long>> CommitChangesAsync(this HttpClient admin, int count, int from = 0)
    {
        for (var i = from; i < from + count; i++)
            await (await admin.PostJson("/products", Samples.Product($"p-{i}"))).ShouldBe(HttpStatusCode.Created);
        var changes = await (await admin.GetAsync("/changes?limit=1000&resourceType=product")).ShouldBe(HttpStatusCode.OK);
        return [.. changes["items"]!.AsArray().Select(c => c!["sequence"]!.GetValue<long>()).TakeLast(count)];
    }

    public static async Task<JsonArray> DeliveriesAsync(this HttpClient admin, string webhookId) =>
        (await (await admin.GetAsync($"/webhooks/{webhookId}/deliveries?limit=1000")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray();

    public static async Task<JsonNode> WebhookAsync(this HttpClient admin, string webhookId) =>
        await (await admin.GetAsync($"/webhooks/{webhookId}")).ShouldBe(HttpStatusCode.OK);

    /// <summary>Waits until the webhook shows the condition (gives up after 20 s).</summary>
    public static async Task<JsonNode> WaitForWebhookAsync(this HttpClient admin, string webhookId, Func<JsonNode, bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(20);
        var webhook = await admin.WebhookAsync(webhookId);
        while (!condition(webhook) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            webhook = await admin.WebhookAsync(webhookId);
        }
        return webhook;
    }
}
