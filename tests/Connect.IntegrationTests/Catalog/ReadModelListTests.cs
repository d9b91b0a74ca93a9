using System.Net;
using System.Text.Json;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// The offering list is paged in memory from the snapshot: in the orders PostgreSQL sorts by, and sent
/// with the snapshot's own bytes for each offering, byte for byte what the serializer writes for the page.
/// </summary>
public sealed class ReadModelListTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_names_and_prices_that_tie_or_differ_in_case_When_listed_in_every_order_Then_the_order_is_PostgreSQL_s()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        string[] names = ["b", "B", "a b", "a-b", "Ä", "a", "b", "10", "9"];
        for (var i = 0; i < names.Length; i++)
            await (await Admin.PostJson("/product-offerings", Samples.Offering($"o-{names.Length - i}", "p-1", name: names[i], gross: 10m + i % 3, discount: 0m)))
                .ShouldBe(HttpStatusCode.Created);
        await (await Admin.PatchJson("/product-offerings/o-3", new { description = "touched" })).ShouldBe(HttpStatusCode.OK);

        await using var session = Api.Store.QuerySession();
        var all = session.Query<OfferingDocument>();
        foreach (var (sort, expected) in new (string, IQueryable<OfferingDocument>)[]
                 {
                     ("name", all.OrderBy(o => o.Name).ThenBy(o => o.Id)), ("-name", all.OrderByDescending(o => o.Name).ThenBy(o => o.Id)),
                     ("createdAt", all.OrderBy(o => o.CreatedAt).ThenBy(o => o.Id)), ("-createdAt", all.OrderByDescending(o => o.CreatedAt).ThenBy(o => o.Id)),
                     ("updatedAt", all.OrderBy(o => o.UpdatedAt).ThenBy(o => o.Id)), ("-updatedAt", all.OrderByDescending(o => o.UpdatedAt).ThenBy(o => o.Id)),
                     ("netPrice", all.OrderBy(o => o.NetPrice).ThenBy(o => o.Id)), ("-netPrice", all.OrderByDescending(o => o.NetPrice).ThenBy(o => o.Id)),
                 })
        {
            var listed = await (await Admin.GetAsync($"/product-offerings?sort={sort}")).ShouldBe(HttpStatusCode.OK);
            listed["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>())
                .Should().Equal(await expected.Select(o => o.Id).ToListAsync(), sort);
        }
    }

    [Fact]
    public async Task Given_a_list_sent_from_the_renderings_When_compared_with_the_serializer_Then_the_bytes_are_identical()
    {
        await Samples.SeedTwoOfferingsAsync(Admin);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("ONLYO2", appliesTo: new { productOfferingIds = new[] { "o-2" } }))).ShouldBe(HttpStatusCode.Created);
        var consumer = new ListProductOfferings { CustomerType = CustomerType.Consumer };
        var cases = new (string Url, ListProductOfferings Query)[]
        {
            ("/product-offerings", consumer),
            ("/product-offerings?promoCode=ONLYO2", consumer with { PromoCode = "ONLYO2" }),
            ("/product-offerings?sort=-netPrice&promoCode=ONLYO2", consumer with { PromoCode = "ONLYO2", Sort = OfferingSortKey.NetPrice, Direction = SortDirection.Desc }),
            ("/product-offerings?limit=1&offset=1&status=ALL", consumer with { Limit = 1, Offset = 1, Status = OfferingStatusFilter.All }),
            ("/product-offerings?offset=5", consumer with { Offset = 5 }),
        };
        foreach (var (url, query) in cases)
        {
            var sent = await (await Admin.GetAsync(url)).Content.ReadAsByteArrayAsync();
            await using var scope = Api.Services.CreateAsyncScope();
            var page = await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
            var options = scope.ServiceProvider.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
            sent.Should().Equal(JsonSerializer.SerializeToUtf8Bytes(ListResponse<ProductOffering>.From(page), options), url);
        }
    }
}
