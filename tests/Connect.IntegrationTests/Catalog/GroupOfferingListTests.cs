using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary><c>GET /product-offering-groups/{id}/offerings</c> is the offering list of one group: same filters, sort and paging, 404 for no group.</summary>
public sealed class GroupOfferingListTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task SeedAsync()
    {
        await Admin.PostJson("/products", Samples.Product("plan", "SUBSCRIPTION", "SUBSCRIPTION_CELL"));
        await Admin.PostJson("/products", Samples.Product("addon", "SUBSCRIPTION_ADDON", "EXTRA_DATA"));
        await Admin.PostJson("/product-offering-groups", Samples.Group("plans"));
        await Admin.PostJson("/product-offering-groups", Samples.Group("extras", "Extras", "EXTRA_DATA"));
        await Admin.PostJson("/product-offering-groups", Samples.Group("empty", "Nothing yet"));
        foreach (var (id, product, group, name, gross, customer) in new[]
        {
            ("o-charlie", "plan", "plans", "Charlie", 30m, "CONSUMER"),
            ("o-alpha", "plan", "plans", "Alpha", 10m, "CONSUMER"),
            ("o-bravo", "addon", "plans", "Bravo", 20m, "CONSUMER"),
            ("o-extra", "addon", "extras", "Aardvark extra", 5m, "CONSUMER"),
            ("o-biz", "plan", "plans", "Business", 50m, "BUSINESS"),
        })
            await (await Admin.PostJson("/product-offerings", Samples.Offering(id, product, group, name, gross, 0m, customer)))
                .ShouldBe(HttpStatusCode.Created);
    }

    private async Task<(string[] Ids, JsonNode Body)> ListAsync(string group, string query = "")
    {
        var body = await (await Admin.GetAsync($"/product-offering-groups/{group}/offerings{query}")).ShouldBe(HttpStatusCode.OK);
        return (body["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>()).ToArray(), body);
    }

    [Fact]
    public async Task Given_two_groups_When_one_groups_offerings_are_listed_Then_only_its_own_by_name_with_pagination()
    {
        await SeedAsync();
        var (ids, body) = await ListAsync("plans");
        ids.Should().Equal("o-alpha", "o-bravo", "o-charlie");
        body["pagination"]!["total"]!.GetValue<long>().Should().Be(3);
        body["pagination"]!["sort"]!["key"]!.GetValue<string>().Should().Be("name");
        body["items"]!.AsArray().Should().OnlyContain(o => o!["productOfferingGroupId"]!.GetValue<string>() == "plans");
    }

    [Theory]
    [InlineData("?type=SUBSCRIPTION_ADDON", new[] { "o-bravo" })]
    [InlineData("?customerType=BUSINESS", new[] { "o-biz" })]
    [InlineData("?sort=-netPrice", new[] { "o-charlie", "o-bravo", "o-alpha" })]
    [InlineData("?limit=1&offset=1", new[] { "o-bravo" })]
    [InlineData("?productOfferingGroupId=extras", new[] { "o-alpha", "o-bravo", "o-charlie" })]
    public async Task Given_a_group_When_filtered_sorted_or_paged_Then_the_lists_rules_apply_within_the_group(string query, string[] expected)
    {
        await SeedAsync();
        (await ListAsync("plans", query)).Ids.Should().Equal(expected);
    }

    [Fact]
    public async Task Given_an_archived_offering_When_the_group_is_listed_Then_it_shows_only_with_its_status_asked_for()
    {
        await SeedAsync();
        await (await Admin.PostJson("/product-offerings/o-alpha/archive", new { reason = "end of sale" })).ShouldBe(HttpStatusCode.OK);

        (await ListAsync("plans")).Ids.Should().Equal("o-bravo", "o-charlie");
        (await ListAsync("plans", "?status=ARCHIVED")).Ids.Should().Equal("o-alpha");
    }

    [Fact]
    public async Task Given_a_group_without_offerings_When_listed_Then_an_empty_page()
    {
        await SeedAsync();
        var (ids, body) = await ListAsync("empty");
        ids.Should().BeEmpty();
        body["pagination"]!["total"]!.GetValue<long>().Should().Be(0);
    }

    [Theory]
    [InlineData("nope")]
    [InlineData("not an id!")]
    public async Task Given_an_unknown_group_When_its_offerings_are_listed_Then_404_problem(string group)
    {
        await SeedAsync();
        var problem = await (await Admin.GetAsync($"/product-offering-groups/{Uri.EscapeDataString(group)}/offerings"))
            .ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        problem["detail"]!.GetValue<string>().Should().Contain("Product offering group");
    }

    [Theory]
    [InlineData("?limit=0", "limit")]
    [InlineData("?offset=-1", "offset")]
    [InlineData("?sort=price", "sort")]
    [InlineData("?status=DELETED", "status")]
    public async Task Given_a_bad_query_parameter_When_a_groups_offerings_are_listed_Then_400_names_it(string query, string property)
    {
        await SeedAsync();
        var problem = await (await Admin.GetAsync("/product-offering-groups/plans/offerings" + query)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
    }

    [Fact]
    public async Task Given_a_read_only_key_When_a_groups_offerings_are_listed_Then_it_sees_its_customer_types_offerings()
    {
        await SeedAsync();
        var reader = await Api.ClientWithKeyAsync([Connect.Identity.Contracts.Scopes.CatalogRead]);
        var body = await (await reader.GetAsync("/product-offering-groups/plans/offerings")).ShouldBe(HttpStatusCode.OK);
        body["items"]!.AsArray().Select(i => i!["productOfferingId"]!.GetValue<string>()).Should().Equal("o-alpha", "o-bravo", "o-charlie");
    }
}
