using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Webhooks;

/// <summary>Every change reaches a webhook once it answers 2xx, in log order, signed; failures are retried in place.</summary>
public sealed class WebhookDeliveryTests(ConnectApiFactory api) : ApiTest(api), IAsyncLifetime
{
    private TestReceiver _receiver = null!;

    async Task IAsyncLifetime.InitializeAsync()
    {
        await InitializeAsync();
        _receiver = await TestReceiver.StartAsync();
    }

    async Task IAsyncLifetime.DisposeAsync() => await _receiver.DisposeAsync();

    [Fact]
    public async Task Given_a_webhook_When_changes_commit_Then_each_arrives_once_in_order_as_a_signed_CloudEvent_with_the_change_as_GET_changes_shows_it()
    {
        var webhookId = await Admin.SubscribeAsync(_receiver);
        var sequences = await Admin.CommitChangesAsync(5);

        var delivered = await _receiver.WaitForDeliveredAsync(5);
        await Task.Delay(200);
        _receiver.Requests.Select(r => r.Sequence).Should().Equal(sequences, "one POST per change, in log order, none repeated");
        delivered.Should().OnlyContain(r => r.SignatureValid && r.ContentType!.StartsWith("application/cloudevents+json"));
        var first = delivered[0].Event;
        first["specversion"]!.GetValue<string>().Should().Be("1.0");
        first["id"]!.GetValue<string>().Should().Be(delivered[0].Id).And.Be(sequences[0].ToString());
        first["source"]!.GetValue<string>().Should().Be("connect");
        first["type"]!.GetValue<string>().Should().Be("connect.product.created");
        first["subject"]!.GetValue<string>().Should().Be("p-0");
        first["datacontenttype"]!.GetValue<string>().Should().Be("application/json");
        var logged = (await (await Admin.GetAsync("/changes?resourceType=product&limit=1")).ShouldBe(HttpStatusCode.OK))["items"]![0]!;
        JsonNode.DeepEquals(first["data"], logged).Should().BeTrue("data is the change exactly as GET /changes shows it");
        first["time"]!.GetValue<string>().Should().Be(logged["occurredAt"]!.GetValue<string>());
        long.Parse(delivered[0].Timestamp).Should().BeCloseTo(DateTimeOffset.UtcNow.ToUnixTimeSeconds(), 30);

        var webhook = await Admin.WaitForWebhookAsync(webhookId, w => w["backlog"]!.GetValue<long>() == 0);
        webhook["backlog"]!.GetValue<long>().Should().Be(0);
        var deliveries = await Admin.DeliveriesAsync(webhookId);
        deliveries.Select(d => d!["sequence"]!.GetValue<long>()).Should().Equal(Enumerable.Reverse(sequences), "deliveries are listed newest first");
        deliveries.Should().OnlyContain(d => d!["statusCode"]!.GetValue<int>() == 200 && d["attempt"]!.GetValue<int>() == 1);
    }

    [Fact]
    public async Task Given_a_receiver_failing_the_first_attempts_When_it_recovers_Then_the_change_is_retried_with_the_same_webhook_id_and_later_changes_follow_it()
    {
        var webhookId = await Admin.SubscribeAsync(_receiver);
        var failures = 3;
        _receiver.Answer = _ => Interlocked.Decrement(ref failures) >= 0 ? 500 : 204;
        var sequences = await Admin.CommitChangesAsync(3);

        await _receiver.WaitForDeliveredAsync(3);
        await Task.Delay(200);
        var requests = _receiver.Requests.ToList();
        requests.Select(r => r.Sequence).Should().Equal([sequences[0], sequences[0], sequences[0], sequences[0], sequences[1], sequences[2]]);
        requests.Take(4).Select(r => r.Id).Distinct().Should().ContainSingle("webhook-id is the event id, the same on every retry");
        requests.Should().OnlyContain(r => r.SignatureValid);
        var deliveries = await Admin.DeliveriesAsync(webhookId);
        var failed = deliveries.Where(d => d!["statusCode"]!.GetValue<int>() == 500).ToList();
        failed.Select(d => d!["attempt"]!.GetValue<int>()).Should().BeEquivalentTo([1, 2, 3]);
        failed.Should().OnlyContain(d => d!["nextAttemptAt"] != null && d["error"] != null);
    }

    [Fact]
    public async Task Given_a_receiver_that_is_down_for_a_while_When_it_is_back_Then_every_change_arrives_once_in_order()
    {
        await Admin.SubscribeAsync(_receiver);
        _receiver.Down = true;
        var sequences = await Admin.CommitChangesAsync(6);
        await Task.Delay(700);
        _receiver.Down = false;

        var delivered = await _receiver.WaitForDeliveredAsync(6);
        await Task.Delay(200);
        delivered.Select(r => r.Sequence).Should().Equal(sequences);
    }

    [Fact]
    public async Task Given_webhooks_of_keys_with_and_without_pricing_write_When_a_promo_code_is_created_Then_only_the_first_receives_it()
    {
        await using var other = await TestReceiver.StartAsync();
        var hooksOnly = await Api.ClientWithKeyAsync([Connect.Identity.Contracts.Scopes.WebhooksAdmin]);
        await Admin.SubscribeAsync(_receiver);
        await hooksOnly.SubscribeAsync(other);
        await (await hooksOnly.PostJson("/webhooks", new { url = other.Url, resourceTypes = new[] { "promoCode" } }))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SPRING20"))).ShouldBe(HttpStatusCode.Created);
        await Admin.CommitChangesAsync(1);

        (await _receiver.WaitForDeliveredAsync(2)).Select(r => r.Event["type"]!.GetValue<string>())
            .Should().Equal("connect.promoCode.created", "connect.product.created");
        (await other.WaitForDeliveredAsync(1)).Select(r => r.Event["type"]!.GetValue<string>()).Should().Equal("connect.product.created");
    }

    [Fact]
    public async Task Given_a_webhook_for_some_resource_types_When_other_types_change_Then_it_receives_only_its_types_and_has_no_backlog_of_others()
    {
        var webhookId = await Admin.SubscribeAsync(_receiver, ["productOfferingGroup"]);
        await Admin.CommitChangesAsync(2);
        await (await Admin.PostJson("/product-offering-groups", Samples.Group("g-1"))).ShouldBe(HttpStatusCode.Created);

        (await _receiver.WaitForDeliveredAsync(1)).Single().Event["subject"]!.GetValue<string>().Should().Be("g-1");
        (await Admin.WaitForWebhookAsync(webhookId, w => w["backlog"]!.GetValue<long>() == 0))["backlog"]!.GetValue<long>().Should().Be(0);
    }
}
