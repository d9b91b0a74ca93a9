using System.Net;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;
using JasperFx;
using Marten;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Catalog;

/// <summary>Racing writers on one offering: Marten's expected-version append and optimistic concurrency leave one winner.</summary>
public sealed class OfferingStatusConcurrencyTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Given_20_parallel_archives_of_one_offering_Then_exactly_one_succeeds_and_one_archive_event_is_stored(bool withIfMatch)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var etag = withIfMatch ? (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag!.ToString() : null;

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.Client().PostJson("/product-offerings/o-1/archive", new { reason = $"writer {i}" }, etag)));

        var statuses = responses.GroupBy(r => r.StatusCode).ToDictionary(g => g.Key, g => g.Count());
        output.WriteLine("If-Match {0}: {1}", withIfMatch, string.Join(", ", statuses.Select(s => $"{(int)s.Key} × {s.Value}")));
        statuses.GetValueOrDefault(HttpStatusCode.OK).Should().Be(1);
        statuses.Keys.Should().BeSubsetOf([HttpStatusCode.OK, HttpStatusCode.Conflict, HttpStatusCode.PreconditionFailed]);
        var events = await Api.EventsAsync("o-1");
        events.Select(e => e.Data.GetType()).Should().Equal(typeof(ProductOfferingCreated), typeof(ProductOfferingArchived));
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(HttpStatusCode.OK);
        winner["status"]!.GetValue<string>().Should().Be("ARCHIVED");
        var history = await (await Admin.GetAsync("/product-offerings/o-1/status-history")).ShouldBe(HttpStatusCode.OK);
        history["items"]!.AsArray().Should().HaveCount(2);
    }

    [Fact]
    public async Task Given_10_parallel_creates_with_one_id_Then_one_201_the_rest_409_and_one_stream_with_one_event()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            Api.Client().PostJson("/product-offerings", Samples.Offering("o-1", "p-1", name: $"Writer {i}"))));

        responses.Count(r => r.StatusCode == HttpStatusCode.Created).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.Conflict).Should().Be(9);
        (await Api.EventsAsync("o-1")).Should().ContainSingle().Which.Data.Should().BeOfType<ProductOfferingCreated>();
    }

    [Fact]
    public async Task Given_a_writer_that_loaded_the_offering_before_an_archive_When_it_saves_Then_Marten_refuses_instead_of_writing_the_old_status()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await using var patcher = Api.Store.LightweightSession();
        var loaded = (await patcher.LoadAsync<OfferingDocument>("o-1"))!;

        await (await Admin.PostJson("/product-offerings/o-1/archive", new { reason = "x" })).ShouldBe(HttpStatusCode.OK);
        loaded.Name = "late write";
        patcher.Store(loaded);

        await patcher.Invoking(s => s.SaveChangesAsync()).Should().ThrowAsync<ConcurrencyException>();
        (await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK))["status"]!.GetValue<string>().Should().Be("ARCHIVED");
    }
}
