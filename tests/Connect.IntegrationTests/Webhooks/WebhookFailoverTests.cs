using System.Diagnostics;
using Connect.IntegrationTests.Infrastructure;
using Connect.Webhooks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>
/// A node that dies in the middle of a delivery (its database session cut, or its process killed while the receiver
/// holds the request open) lets its webhooks go: another node, or the same one restarted, resumes at the change that
/// was in flight. Nothing is lost and the order holds; the one change in flight may arrive twice, with the same
/// <c>webhook-id</c>.
/// </summary>
public sealed class WebhookFailoverTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api), IAsyncLifetime
{
    private const int Changes = 8;
    private const int HeldRequest = 4;
    private TestReceiver _receiver = null!;
    private readonly TaskCompletionSource<Received> _held = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _receiver = await TestReceiver.StartAsync();
        var arrived = 0;
        // The receiver holds the 4th request open until the test lets it go.
        _receiver.Hold = r =>
        {
            if (Interlocked.Increment(ref arrived) != HeldRequest) return Task.CompletedTask;
            _held.TrySetResult(r);
            return _release.Task;
        };
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        _release.TrySetResult();
        await _receiver.DisposeAsync();
    }

    private WebhookDeliverySwitch MainNodeDelivers => Api.Services.GetRequiredService<WebhookDeliverySwitch>();

    [Fact]
    public async Task Given_the_delivering_node_loses_its_database_session_mid_delivery_When_its_lease_drops_Then_the_other_node_resumes_at_the_change_in_flight_and_every_change_arrives_in_order()
    {
        await using var other = Api.WithWebHostBuilder(b => b.UseSetting("Connect:Webhooks:Deliver", "false"));
        _ = other.Services;
        var webhookId = await Admin.SubscribeAsync(_receiver);
        var sequences = await Admin.CommitChangesAsync(Changes);
        var inFlight = await _held.Task.WaitAsync(TimeSpan.FromSeconds(30));

        (await TerminateLeaseHolderAsync(webhookId)).Should().Be(1, "one database session holds the webhook's lease");
        var cut = Stopwatch.StartNew();
        // The node is gone for good: it neither takes the lease back nor starts anything new.
        MainNodeDelivers.Enabled = false;
        _release.SetResult();
        await WaitForRequestsAsync(HeldRequest);
        other.Services.GetRequiredService<WebhookDeliverySwitch>().Enabled = true;

        await _receiver.WaitForDeliveredAsync(Changes + 1);
        output.WriteLine($"the other node delivered all {Changes - HeldRequest + 1} remaining changes {cut.ElapsedMilliseconds} ms after the session was cut");
        await Task.Delay(300);
        ShouldHaveArrivedInOrderRepeatingOnly(sequences, inFlight);
        Api.Logs.Events.Should().Contain(e => e.Level == Serilog.Events.LogEventLevel.Warning && e.Exception is Npgsql.PostgresException
            && ((Npgsql.PostgresException)e.Exception).SqlState == Npgsql.PostgresErrorCodes.AdminShutdown, "the node's log says its session was cut");
    }

    [Fact]
    public async Task Given_a_node_process_killed_while_the_receiver_holds_its_request_open_When_it_starts_again_Then_delivery_resumes_at_the_change_in_flight_and_nothing_is_lost()
    {
        MainNodeDelivers.Enabled = false;
        await Admin.SubscribeAsync(_receiver);
        var sequences = await Admin.CommitChangesAsync(Changes);
        var connectionString = Api.Services.GetRequiredService<IConfiguration>().GetConnectionString("Connect")!;

        await using (var node = NodeProcess.Start(connectionString))
        {
            var held = await Task.WhenAny(_held.Task, Task.Delay(TimeSpan.FromSeconds(90)));
            held.Should().Be(_held.Task, "the node should have delivered up to the held request; it wrote:\n" + string.Join('\n', node.Output));
            await node.KillAsync();
        }
        var inFlight = await _held.Task;
        _release.SetResult();
        await WaitForRequestsAsync(HeldRequest);

        await using var restarted = NodeProcess.Start(connectionString);
        var delivered = await WaitForAsync(() => _receiver.Delivered.Count >= Changes + 1, TimeSpan.FromSeconds(90));
        delivered.Should().BeTrue("the restarted node should resume; it wrote:\n" + string.Join('\n', restarted.Output));
        await Task.Delay(300);
        ShouldHaveArrivedInOrderRepeatingOnly(sequences, inFlight);
    }

    /// <summary>Each change in log order, the one in flight when its node died twice in a row (same id and signed).</summary>
    private void ShouldHaveArrivedInOrderRepeatingOnly(List<long> sequences, Received inFlight)
    {
        inFlight.Sequence.Should().Be(sequences[HeldRequest - 1]);
        _receiver.Requests.Select(r => r.Sequence).Should().Equal([.. sequences[..HeldRequest], .. sequences[(HeldRequest - 1)..]],
            "nothing lost, log order kept, and only the change in flight sent again");
        _receiver.Requests.Where(r => r.Sequence == inFlight.Sequence).Should().HaveCount(2)
            .And.OnlyContain(r => r.Id == inFlight.Id && r.SignatureValid);
        _receiver.MostAtOnce.Should().Be(1, "the next node starts only once the lease is gone");
    }

    /// <summary>Cuts the database session holding the webhook's advisory lock, as a node's death drops its connection.</summary>
    private async Task<long> TerminateLeaseHolderAsync(string webhookId)
    {
        await using var connection = Api.Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        // A bigint advisory key shows in pg_locks as its high (classid) and low (objid) 32 bits, objsubid 1.
        await using var command = new Npgsql.NpgsqlCommand("""
            WITH k AS (SELECT hashtextextended('webhook:' || @id, 0) AS key)
            SELECT count(*) FILTER (WHERE pg_terminate_backend(l.pid)) FROM pg_locks l, k
            WHERE l.locktype = 'advisory' AND l.granted AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
              AND l.classid::bigint = (k.key >> 32) & 4294967295 AND l.objid::bigint = k.key & 4294967295
            """, connection);
        command.Parameters.AddWithValue("id", webhookId);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task WaitForRequestsAsync(int count) =>
        (await WaitForAsync(() => _receiver.Requests.Count >= count, TimeSpan.FromSeconds(10))).Should().BeTrue();

    private static async Task<bool> WaitForAsync(Func<bool> condition, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!condition() && DateTime.UtcNow < deadline) await Task.Delay(20);
        return condition();
    }
}
