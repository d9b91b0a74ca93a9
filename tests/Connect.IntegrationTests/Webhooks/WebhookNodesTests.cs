using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Connect.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>
/// Several nodes on one database: each change goes to each webhook from one node at a time, none is skipped,
/// and what one node leaves (stopped, or the webhook turned off) another picks up where delivery stopped.
/// </summary>
public sealed class WebhookNodesTests(ConnectApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestReceiver _receiver = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _receiver = await TestReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _receiver.DisposeAsync();

    private WebhookDeliverySwitch MainNodeDelivers => Api.Services.GetRequiredService<WebhookDeliverySwitch>();

    [Fact]
    public async Task Given_two_nodes_When_changes_are_written_on_both_Then_each_is_delivered_once_never_two_at_a_time_and_in_order()
    {
        await using var node = Api.WithWebHostBuilder(_ => { });
        var second = Api.ClientFor(node);
        await Admin.SubscribeAsync(_receiver);
        _receiver.Delay = TimeSpan.FromMilliseconds(10);

        await Task.WhenAll(Admin.CommitChangesAsync(15), second.CommitChangesAsync(15, from: 100));
        var sequences = (await (await Admin.GetAsync("/changes?limit=1000")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray()
            .Select(c => c!["sequence"]!.GetValue<long>()).ToList();

        await _receiver.WaitForDeliveredAsync(30);
        await Task.Delay(300);
        _receiver.Requests.Select(r => r.Sequence).Should().Equal(sequences, "each change once, in log order, none skipped");
        _receiver.MostAtOnce.Should().Be(1, "a webhook gets one request at a time, whichever node sends it");
    }

    [Fact]
    public async Task Given_a_node_delivering_a_backlog_When_it_stops_Then_another_node_continues_where_it_stopped()
    {
        var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Webhooks:Deliver", "false"));
        _ = node.Services;
        MainNodeDelivers.Enabled = false;
        await Admin.SubscribeAsync(_receiver);
        _receiver.Delay = TimeSpan.FromMilliseconds(50);
        var sequences = await Admin.CommitChangesAsync(20);
        node.Services.GetRequiredService<WebhookDeliverySwitch>().Enabled = true;

        await _receiver.WaitForDeliveredAsync(4);
        await node.DisposeAsync();
        var beforeHandover = _receiver.Requests.Count;
        beforeHandover.Should().BeLessThan(20, "the node stopped mid-backlog");
        MainNodeDelivers.Enabled = true;

        await _receiver.WaitForDeliveredAsync(20);
        await Task.Delay(300);
        _receiver.Requests.Select(r => r.Sequence).Should().Equal(sequences, "the other node resumed at the first undelivered change");
    }

    [Fact]
    public async Task Given_deliveries_failing_for_the_failure_window_When_the_webhook_is_disabled_and_enabled_again_Then_it_resumes_at_the_first_undelivered_change()
    {
        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Webhooks:FailureWindow", "00:00:00.300"));
        _ = node.Services;
        MainNodeDelivers.Enabled = false;
        var webhookId = await Admin.SubscribeAsync(_receiver);
        _receiver.Answer = _ => 503;
        var sequences = await Admin.CommitChangesAsync(3);

        var disabled = await Admin.WaitForWebhookAsync(webhookId, w => !w["enabled"]!.GetValue<bool>());
        disabled["enabled"]!.GetValue<bool>().Should().BeFalse();
        disabled["disabledReason"]!.GetValue<string>().Should().Contain("503");
        disabled["backlog"]!.GetValue<long>().Should().Be(3);
        _receiver.Requests.Should().OnlyContain(r => r.Sequence == sequences[0], "later changes wait behind the undelivered one");
        var attempts = _receiver.Requests.Count;
        await Task.Delay(300);
        _receiver.Requests.Should().HaveCount(attempts, "a disabled webhook is sent nothing");

        _receiver.Answer = _ => 200;
        (await (await Admin.PatchJson($"/webhooks/{webhookId}", new { enabled = true })).ShouldBe(HttpStatusCode.OK))["disabledReason"]
            .Should().BeNull();
        var delivered = await _receiver.WaitForDeliveredAsync(3);
        delivered.Select(r => r.Sequence).Should().Equal(sequences);
    }

    [Fact]
    public async Task Given_a_host_that_now_resolves_to_a_private_address_When_a_change_is_delivered_Then_the_attempt_fails_with_a_clear_error()
    {
        await using var node = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Webhooks:AllowPrivateNetworks", "false"));
        _ = node.Services;
        MainNodeDelivers.Enabled = false;
        var webhookId = await Admin.SubscribeAsync(_receiver);
        await Admin.CommitChangesAsync(1);

        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        var deliveries = await Admin.DeliveriesAsync(webhookId);
        while (deliveries.Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50);
            deliveries = await Admin.DeliveriesAsync(webhookId);
        }
        deliveries.Should().NotBeEmpty();
        deliveries[0]!["error"]!.GetValue<string>().Should().Contain("127.0.0.1").And.Contain("not a public address");
        deliveries[0]!["statusCode"].Should().BeNull();
        _receiver.Requests.Should().BeEmpty();
    }
}
