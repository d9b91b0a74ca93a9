using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>
/// PATCH and DELETE of a webhook honour If-Match like the other resources: a stale tag is a 412 and changes nothing.
/// The tag names the settings and the backlog; deliveries moving the backlog do not make a caller's tag stale for a
/// change, while a GET's 304 still needs the backlog unchanged.
/// </summary>
public sealed class WebhookIfMatchTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_tag_read_before_someone_else_changed_the_webhook_When_it_is_patched_or_deleted_with_If_Match_Then_412_and_nothing_changes()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var webhookId = await Admin.SubscribeAsync(receiver);
        var read = await TagAsync(webhookId);
        var changed = await Admin.PatchJson($"/webhooks/{webhookId}", new { description = "changed by someone else" });
        await changed.ShouldBe(HttpStatusCode.OK);

        (await (await Admin.PatchJson($"/webhooks/{webhookId}", new { description = "mine" }, read)).ShouldBeProblem(HttpStatusCode.PreconditionFailed,
            "precondition_failed"))["detail"]!.GetValue<string>().Should().Contain("If-Match");
        await (await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/webhooks/{webhookId}"), read))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await Admin.WebhookAsync(webhookId))["description"]!.GetValue<string>().Should().Be("changed by someone else");

        var current = changed.Headers.ETag!.ToString();
        current.Should().Be(await TagAsync(webhookId), "the PATCH answers with the tag a GET then gives");
        (await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Delete, $"/webhooks/{webhookId}"), current)).StatusCode.Should().Be(HttpStatusCode.NoContent);
        (await Admin.GetAsync($"/webhooks/{webhookId}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_tag_read_before_the_backlog_grew_When_the_webhook_is_patched_with_If_Match_Then_the_change_applies_but_a_GET_is_not_a_304()
    {
        await using var receiver = await TestReceiver.StartAsync();
        receiver.Down = true;
        var webhookId = await Admin.SubscribeAsync(receiver);
        var read = await TagAsync(webhookId);
        await Admin.CommitChangesAsync(2);
        (await Admin.WaitForWebhookAsync(webhookId, w => w["backlog"]!.GetValue<long>() == 2))["backlog"]!.GetValue<long>().Should().Be(2);

        using var conditionalGet = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/{webhookId}");
        conditionalGet.Headers.TryAddWithoutValidation("If-None-Match", read);
        (await Admin.SendAsync(conditionalGet)).StatusCode.Should().Be(HttpStatusCode.OK, "the backlog changed since that read");
        using var unchanged = new HttpRequestMessage(HttpMethod.Get, $"/webhooks/{webhookId}");
        unchanged.Headers.TryAddWithoutValidation("If-None-Match", await TagAsync(webhookId));
        (await Admin.SendAsync(unchanged)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        var patched = await (await Admin.PatchJson($"/webhooks/{webhookId}", new { description = "mine" }, read)).ShouldBe(HttpStatusCode.OK);
        patched["description"]!.GetValue<string>().Should().Be("mine", "only the backlog moved since the read, which is no change to the webhook");
    }

    [Fact]
    public async Task Given_the_tag_of_the_create_answer_When_the_webhook_is_patched_with_If_Match_Then_the_change_applies()
    {
        var created = await Admin.PostJson("/webhooks", new { url = "http://127.0.0.1:9/hook" });
        var body = await created.ShouldBe(HttpStatusCode.Created);
        var webhookId = body["webhookId"]!.GetValue<string>();
        created.Headers.ETag!.ToString().Should().Be(await TagAsync(webhookId), "the create answers with the tag of the webhook as a GET shows it");

        await (await Admin.PatchJson($"/webhooks/{webhookId}", new { enabled = false }, created.Headers.ETag!.ToString())).ShouldBe(HttpStatusCode.OK);
        await (await Admin.PatchJson($"/webhooks/{webhookId}", new { enabled = true }, "not a tag")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.PatchJson($"/webhooks/{webhookId}", new { enabled = true }, "*")).ShouldBe(HttpStatusCode.OK);
    }

    private async Task<string> TagAsync(string webhookId)
    {
        var response = await Admin.GetAsync($"/webhooks/{webhookId}");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return response.Headers.ETag!.ToString();
    }
}
