using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>A page of catalogs costs a fixed number of SQL round trips, however many catalogs and groups it shows.</summary>
public sealed class CatalogListRoundTripTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_40_catalogs_with_their_own_groups_When_one_page_lists_them_all_Then_it_takes_2_SQL_round_trips()
    {
        const int count = 40;
        for (var i = 0; i < count; i++)
        {
            await (await Admin.PostJson("/product-offering-groups", Samples.Group($"g-{i}", name: $"Group {i}"))).ShouldBe(HttpStatusCode.Created);
            var catalog = Samples.Catalog($"c-{i:00}", [], [$"g-{i}"], isDefault: false, name: $"Catalog {i:00}");
            await (await Admin.PostJson("/product-catalogs", catalog)).ShouldBe(HttpStatusCode.Created);
        }
        using var counter = new SqlCommandCounter();
        await Admin.GetAsync("/product-catalogs?limit=1"); // the key is read and cached by the first request

        var (response, commands) = await counter.SendAsync(Admin, new HttpRequestMessage(HttpMethod.Get, "/product-catalogs?limit=1000"));

        var page = await response.ShouldBe(HttpStatusCode.OK);
        page["items"]!.AsArray().Select(c => c!["ProductOfferingGroups"]![0]!["name"]!.GetValue<string>())
            .Should().Equal(Enumerable.Range(0, count).Select(i => $"Group {i}"));
        commands.Should().BeGreaterThan(0, "the counter sees the request's commands").And.BeLessThanOrEqualTo(2, "the page with its total, then every group it names");
    }
}
