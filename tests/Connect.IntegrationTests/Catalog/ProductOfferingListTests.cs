using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

public sealed class ProductOfferingListTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task SeedAsync()
    {
        await Admin.PostJson("/products", Samples.Product("plan", "SUBSCRIPTION", "SUBSCRIPTION_CELL"));
        await Admin.PostJson("/products", Samples.Product("addon", "SUBSCRIPTION_ADDON", "EXTRA_DATA"));
        await Admin.PostJson("/products", Samples.Product("esim", "SUBSCRIPTION", "TRAVEL_ESIM"));
        await Admin.PostJson("/product-offering-groups", Samples.Group("plans"));
        await Admin.PostJson("/product-offering-groups", Samples.Group("extras", "Extras", "EXTRA_DATA"));
        foreach (var (id, product, group, name, gross, discount, customer) in new[]
        {
            ("o-charlie", "plan", "plans", "Charlie", 30m, 0m, "CONSUMER"),
            ("o-alpha", "plan", "plans", "Alpha", 10m, 5m, "CONSUMER"),
            ("o-bravo", "addon", "extras", "Bravo", 20m, 1m, "CONSUMER"),
            ("o-delta", "esim", "extras", "Delta", 5m, 0m, "CONSUMER"),
            ("o-biz", "plan", "plans", "Business", 50m, 0m, "BUSINESS"),
        })
            await (await Admin.PostJson("/product-offerings", Samples.Offering(id, product, group, name, gross, discount, customer)))
                .ShouldBe(HttpStatusCode.Created);
    }

    private async Task<(string[] Ids, JsonNode Body)> ListAsync(string query, HttpClient? client = null)
    {
        var body = await (await (client ?? Admin).GetAsync("/product-offerings" + query)).ShouldBe(HttpStatusCode.OK);
        return (body["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>()).ToArray(), body);
    }

    [Fact]
    public async Task Given_no_parameters_When_listed_Then_the_keys_customer_type_sorted_by_name_with_pagination()
    {
        await SeedAsync();
        var (ids, body) = await ListAsync("");
        ids.Should().Equal("o-alpha", "o-bravo", "o-charlie", "o-delta");
        var pagination = body["pagination"]!;
        pagination["total"]!.GetValue<long>().Should().Be(4);
        pagination["limit"]!.GetValue<int>().Should().Be(100);
        pagination["offset"]!.GetValue<int>().Should().Be(0);
        pagination["sort"]!["key"]!.GetValue<string>().Should().Be("name");
        pagination["sort"]!["direction"]!.GetValue<string>().Should().Be("ASC");
    }

    [Theory]
    [InlineData("?type=SUBSCRIPTION_ADDON", new[] { "o-bravo" })]
    [InlineData("?types=SUBSCRIPTION&type=SUBSCRIPTION_ADDON", new[] { "o-alpha", "o-bravo", "o-charlie", "o-delta" })]
    [InlineData("?category=TRAVEL_ESIM", new[] { "o-delta" })]
    [InlineData("?categories=PRODUCT_CATEGORY_EXTRA_DATA,TRAVEL_ESIM", new[] { "o-bravo", "o-delta" })]
    [InlineData("?productOfferingGroupId=extras", new[] { "o-bravo", "o-delta" })]
    [InlineData("?customerType=BUSINESS", new[] { "o-biz" })]
    [InlineData("?sort=-name", new[] { "o-delta", "o-charlie", "o-bravo", "o-alpha" })]
    [InlineData("?sort=netPrice", new[] { "o-alpha", "o-delta", "o-bravo", "o-charlie" })]
    [InlineData("?sort=-netPrice", new[] { "o-charlie", "o-bravo", "o-alpha", "o-delta" })]
    [InlineData("?sort=createdAt", new[] { "o-charlie", "o-alpha", "o-bravo", "o-delta" })]
    [InlineData("?limit=2&offset=1", new[] { "o-bravo", "o-charlie" })]
    [InlineData("?offset=10", new string[0])]
    [InlineData("?status=ARCHIVED", new string[0])]
    [InlineData("?status=ALL&type=SUBSCRIPTION_ADDON", new[] { "o-bravo" })]
    public async Task Given_offerings_When_filtered_sorted_or_paged_Then_exactly_the_expected_ones_in_order(string query, string[] expected)
    {
        await SeedAsync();
        var (ids, _) = await ListAsync(query);
        ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Given_paging_When_a_page_is_asked_Then_total_counts_every_match()
    {
        await SeedAsync();
        var (_, body) = await ListAsync("?limit=1&sort=-updatedAt");
        body["pagination"]!["total"]!.GetValue<long>().Should().Be(4);
        body["pagination"]!["sort"]!["direction"]!.GetValue<string>().Should().Be("DESC");
        body["pagination"]!["sort"]!["key"]!.GetValue<string>().Should().Be("updatedAt");
    }

    [Fact]
    public async Task Given_a_business_key_When_listing_without_customerType_Then_it_sees_business_offerings()
    {
        await SeedAsync();
        var business = await Api.ClientWithKeyAsync([Connect.Identity.Contracts.Scopes.CatalogRead], SharedKernel.Domain.CustomerType.Business);
        var (ids, _) = await ListAsync("", business);
        ids.Should().Equal("o-biz");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?limit=5000", "limit")]
    [InlineData("?limit=ten", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?sort=price", "sort")]
    [InlineData("?type=PHONE", "type")]
    [InlineData("?category=NOPE", "category")]
    [InlineData("?customerType=ALIENS", "customerType")]
    [InlineData("?status=DELETED", "status")]
    public async Task Given_a_bad_query_parameter_When_listed_Then_400_names_it(string query, string property)
    {
        var problem = await (await Admin.GetAsync("/product-offerings" + query)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }
}
