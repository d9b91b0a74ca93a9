using System.Net;
using System.Text;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>What archive and restore accept as a body: a reason, required (1–500) to archive, optional to restore.</summary>
public sealed class OfferingArchiveBodyTests(ConnectApiFactory api) : ApiTest(api)
{
    private static HttpRequestMessage Post(string path, string? body) => new(HttpMethod.Post, path)
    {
        Content = body is null ? null : new StringContent(body, Encoding.UTF8, "application/json"),
    };

    private async Task<int> HistoryCountAsync() =>
        (await (await Admin.GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK))["items"]!.AsArray().Count;

    public static TheoryData<string?, string> BadArchiveBodies => new()
    {
        { null, "reason" },
        { "{}", "reason" },
        { """{ "reason": null }""", "reason" },
        { """{ "reason": "" }""", "reason" },
        { """{ "reason": "   " }""", "reason" },
        { $$"""{ "reason": "{{new string('r', 501)}}" }""", "reason" },
        { """{ "reason": 5 }""", "reason" },
        { """{ "reason": "x", "colour": "red" }""", "colour" },
        { """{ "reason": "x", "status": "ARCHIVED" }""", "status" },
    };

    [Theory]
    [MemberData(nameof(BadArchiveBodies))]
    public async Task Given_a_bad_archive_body_When_sent_Then_400_names_the_property_and_nothing_changes(string? body, string property)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        var problem = await (await Admin.SendAsync(Post("/product-offerings/o-1/archive", body))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain(property);
        (await HistoryCountAsync()).Should().Be(1);
    }

    [Fact]
    public async Task Given_a_reason_of_exactly_500_characters_When_archiving_Then_it_is_kept_whole()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var reason = new string('é', 500);

        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason })).ShouldBe(HttpStatusCode.OK);

        var history = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK);
        history["items"]![1]!["reason"]!.GetValue<string>().Should().Be(reason);
    }

    [Theory]
    [InlineData(null, null)]
    [InlineData("{}", null)]
    [InlineData("""{ "reason": "" }""", null)]
    [InlineData("""{ "reason": "customers asked" }""", "customers asked")]
    public async Task Given_a_restore_without_or_with_a_reason_When_sent_Then_accepted(string? body, string? recorded)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "paused" })).ShouldBe(HttpStatusCode.OK);

        await (await Admin.SendAsync(Post("/product-offerings/o-1/restore", body))).ShouldBe(HttpStatusCode.OK);

        var history = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK);
        history["items"]![2]!["reason"]?.GetValue<string>().Should().Be(recorded);
    }

    public static TheoryData<string, string> BadRestoreBodies => new()
    {
        { $$"""{ "reason": "{{new string('r', 501)}}" }""", "reason" },
        { """{ "reason": "x", "by": "me" }""", "by" },
    };

    [Theory]
    [MemberData(nameof(BadRestoreBodies))]
    public async Task Given_a_bad_restore_body_When_sent_Then_400_and_nothing_changes(string body, string property)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "paused" })).ShouldBe(HttpStatusCode.OK);

        var problem = await (await Admin.SendAsync(Post("/product-offerings/o-1/restore", body))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain(property);
        (await HistoryCountAsync()).Should().Be(2);
    }
}
