using System.Net;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Idempotency;

/// <summary>A repeated write with the same Idempotency-Key answers what the first one answered and changes nothing.</summary>
public sealed class IdempotentReplayTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_create_with_a_key_When_it_is_sent_again_Then_the_same_answer_is_replayed_and_nothing_new_is_created()
    {
        var first = await Admin.CreateProductAsync("create-plan-1");
        var firstBody = await first.ShouldBe(HttpStatusCode.Created);

        var repeat = await Admin.CreateProductAsync("create-plan-1");

        (await repeat.ShouldBe(HttpStatusCode.Created)).ToJsonString().Should().Be(firstBody.ToJsonString());
        repeat.IsReplay().Should().BeTrue();
        first.IsReplay().Should().BeFalse();
        repeat.Headers.ETag.Should().Be(first.Headers.ETag).And.NotBeNull();
        repeat.Headers.Location.Should().Be(first.Headers.Location).And.NotBeNull();
        repeat.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        (await Api.ProductCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_an_archive_with_a_key_When_it_is_retried_Then_the_retry_answers_200_again_instead_of_409_and_one_event_is_stored()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        const string body = """{"reason":"end of line"}""";
        var first = await Admin.SendAsync(HttpMethod.Post, "/product-offerings/o-1/archive", body, "archive-o-1");
        await first.ShouldBe(HttpStatusCode.OK);

        var retry = await Admin.SendAsync(HttpMethod.Post, "/product-offerings/o-1/archive", body, "archive-o-1");

        await retry.ShouldBe(HttpStatusCode.OK);
        retry.IsReplay().Should().BeTrue();
        (await Api.EventsAsync("o-1")).Count(e => e.Data is ProductOfferingArchived).Should().Be(1);
        var withoutKey = await Admin.SendAsync(HttpMethod.Post, "/product-offerings/o-1/archive", body, null);
        await withoutKey.ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Given_a_patch_with_a_key_When_it_is_repeated_Then_the_same_ETag_is_answered_and_the_version_does_not_move()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        const string body = """{"name":"Seamless 12GB"}""";
        var first = await Admin.SendAsync(HttpMethod.Patch, "/product-offerings/o-1", body, "rename-o-1");
        await first.ShouldBe(HttpStatusCode.OK);
        var events = (await Api.EventsAsync("o-1")).Count;

        var repeat = await Admin.SendAsync(HttpMethod.Patch, "/product-offerings/o-1", body, "rename-o-1");

        await repeat.ShouldBe(HttpStatusCode.OK);
        repeat.IsReplay().Should().BeTrue();
        repeat.Headers.ETag.Should().Be(first.Headers.ETag);
        (await Api.EventsAsync("o-1")).Count.Should().Be(events);
        (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag.Should().Be(first.Headers.ETag);
    }

    [Fact]
    public async Task Given_a_refused_create_with_a_key_When_it_is_retried_after_the_cause_is_fixed_Then_the_refusal_is_replayed()
    {
        var offering = System.Text.Json.JsonSerializer.Serialize(Samples.Offering("o-1", "p-missing"));
        var first = await Admin.SendAsync(HttpMethod.Post, "/product-offerings", offering, "offer-o-1");
        var refusal = await first.Content.ReadAsStringAsync();
        ((int)first.StatusCode).Should().BeInRange(400, 499);
        await (await Admin.PostJson("/products", Samples.Product("p-missing"))).ShouldBe(HttpStatusCode.Created);

        var retry = await Admin.SendAsync(HttpMethod.Post, "/product-offerings", offering, "offer-o-1");

        retry.StatusCode.Should().Be(first.StatusCode);
        retry.IsReplay().Should().BeTrue();
        (await retry.Content.ReadAsStringAsync()).Should().Be(refusal);
        retry.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await Admin.GetAsync("/product-offerings/o-1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Given_a_kept_answer_When_24_hours_have_passed_Then_the_key_runs_a_new_request()
    {
        await (await Admin.CreateProductAsync("daily-plan")).ShouldBe(HttpStatusCode.Created);
        Api.Clock.Offset = TimeSpan.FromHours(23.9);
        (await Admin.CreateProductAsync("daily-plan")).IsReplay().Should().BeTrue("the answer is kept 24 hours");

        Api.Clock.Offset = TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1);
        var later = await Admin.CreateProductAsync("daily-plan");

        await later.ShouldBe(HttpStatusCode.Created);
        later.IsReplay().Should().BeFalse();
        (await Api.ProductCountAsync()).Should().Be(2);
    }
}
