using Connect.Client;
using Connect.Client.Models;
using Connect.IntegrationTests.Infrastructure;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;

namespace Connect.IntegrationTests.Client;

/// <summary>
/// A consumer using the client generated from docs/openapi.json (clients/dotnet) gets through the published read
/// flows: the default catalog, one offering, a filtered list, the change log, and a problem as a typed error.
/// </summary>
public sealed class GeneratedClientTests(ConnectApiFactory api) : ApiTest(api)
{
    private ConnectApiClient Client()
    {
        // The test client already sends X-Api-Key; a real consumer would add it the same way (a default header).
        var http = Api.Client();
        return new ConnectApiClient(new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http)
        {
            BaseUrl = http.BaseAddress!.ToString().TrimEnd('/'),
        });
    }

    private async Task SeedCatalogAsync()
    {
        await Samples.SeedTwoOfferingsAsync(Admin);
        (await Admin.PostJson("/product-catalogs", Samples.Catalog("us-consumer", ["o-1", "o-2"], ["g-1"]))).StatusCode
            .Should().Be(System.Net.HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_the_published_catalog_When_the_default_is_read_through_the_client_Then_it_is_typed_as_published()
    {
        await SeedCatalogAsync();

        var catalog = await Client().ProductCatalogs.Default.GetAsync();

        catalog!.Name.Should().Be("US Consumer Catalog");
        var offering = catalog.ProductOfferings!.Single(o => o.Name == "Seamless 10GB");
        offering.Price!.GrossPrice.Should().Be(10);
        offering.Price.NetPrice.Should().Be(5);
        offering.Price.Currency.Should().Be("USD");
        offering.Status.Should().Be(OfferingStatus.AVAILABLE);
        catalog.ProductOfferingGroups!.Select(g => g.ProductOfferingGroupId).Should().Equal("g-1");
    }

    [Fact]
    public async Task Given_offerings_When_listed_and_read_through_the_client_Then_filters_paging_and_single_reads_work()
    {
        await SeedCatalogAsync();
        var client = Client();

        var page = await client.ProductOfferings.GetAsync(c =>
        {
            c.QueryParameters.Type = [ProductType.SUBSCRIPTION];
            c.QueryParameters.Limit = 1;
            c.QueryParameters.Sort = Connect.Client.ProductOfferings.GetSortQueryParameterType.NetPrice;
        });
        var one = await client.ProductOfferings["o-1"].GetAsync();

        page!.Pagination!.Total.Should().Be(2);
        page.Items!.Single().ProductOfferingId.Should().Be("o-1", "sorted by net price, 5 before 7");
        one!.Product!.Type.Should().Be(ProductType.SUBSCRIPTION);
    }

    [Fact]
    public async Task Given_changes_When_the_log_is_read_through_the_client_Then_the_cursor_reads_on()
    {
        await SeedCatalogAsync();
        var client = Client();

        var first = await client.Changes.GetAsync(c => c.QueryParameters.Limit = 2);
        var rest = await client.Changes.GetAsync(c => c.QueryParameters.After = first!.Pagination!.NextCursor);

        first!.Items.Should().HaveCount(2);
        first.Pagination!.HasMore.Should().BeTrue();
        rest!.Items!.First().Sequence.Should().BeGreaterThan(first.Items!.Last().Sequence!.Value);
    }

    [Fact]
    public async Task Given_an_unknown_offering_When_read_through_the_client_Then_the_problem_arrives_as_a_typed_error()
    {
        var read = () => Client().ProductOfferings["nope"].GetAsync();

        var problem = (await read.Should().ThrowAsync<Problem>()).Which;
        problem.Code.Should().Be(Problem_code.Not_found);
        problem.ResponseStatusCode.Should().Be(404);
    }
}
