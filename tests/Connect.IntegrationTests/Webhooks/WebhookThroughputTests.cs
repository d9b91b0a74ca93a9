using System.Diagnostics;
using Connect.IntegrationTests.Infrastructure;
using Connect.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>Delivery keeps up with a busy catalog: a backlog drains at 500 changes a second or more to a fast receiver.</summary>
public sealed class WebhookThroughputTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const int Changes = 2000;

    [TimingFact]
    public async Task Given_a_backlog_of_2000_changes_When_a_fast_receiver_takes_them_Then_they_arrive_at_500_a_second_or_more()
    {
        await using var receiver = await TestReceiver.StartAsync();
        var delivering = Api.Services.GetRequiredService<WebhookDeliverySwitch>();
        delivering.Enabled = false;
        await Admin.SubscribeAsync(receiver);
        // A synthetic log: the worker reads entries, it does not care how they were written.
        await Api.ExecuteSqlAsync($$"""
            INSERT INTO connect.changes (sequence, occurred_at, resource_type, resource_id, change, version, changed_by, reason, fields, resource)
            SELECT n, now(), 'product', 'p-' || n, 'CREATED', 1, 'bench', NULL, '["productId"]', '{"productId":"p-' || n || '"}'
            FROM generate_series((SELECT coalesce(max(sequence), 0) + 1 FROM connect.changes), (SELECT coalesce(max(sequence), 0) + {{Changes}} FROM connect.changes)) n
            """);

        var watch = Stopwatch.StartNew();
        delivering.Enabled = true;
        await receiver.WaitForDeliveredAsync(Changes, TimeSpan.FromSeconds(60));
        var perSecond = Changes / watch.Elapsed.TotalSeconds;
        output.WriteLine($"{Changes} changes delivered in {watch.Elapsed.TotalMilliseconds:0} ms: {perSecond:0} changes/s");
        perSecond.Should().BeGreaterThanOrEqualTo(500);
    }
}
