using System.Net;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;
using static Connect.Identity.Contracts.Scopes;

namespace Connect.IntegrationTests.Catalog;

public sealed class ProductCatalogTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task SeedAsync()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb");
        await Samples.SeedOfferingAsync(Admin, "seamless-5gb", name: "Seamless 5GB", gross: 7m, discount: 0m);
        await Samples.SeedOfferingAsync(Admin, "biz", name: "Business", customerType: "BUSINESS");
    }

    [Fact]
    public async Task Given_a_default_catalog_When_the_shop_reads_it_Then_the_published_field_names_are_used()
    {
        await SeedAsync();
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("us-consumer", ["seamless-10gb", "seamless-5gb"], ["g-1"])))
            .ShouldBe(HttpStatusCode.Created);

        var catalog = await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK);

        catalog["productCatalogId"]!.GetValue<string>().Should().Be("us-consumer");
        catalog["name"]!.GetValue<string>().Should().Be("US Consumer Catalog");
        catalog["external_reference"]!.GetValue<string>().Should().Be("ext-us-consumer");
        catalog["ProductOfferingGroups"]!.AsArray().Select(g => g!["productOfferingGroupId"]!.GetValue<string>()).Should().Equal("g-1");
        catalog["productOfferings"]!.AsArray().Select(o => o!["productOfferingId"]!.GetValue<string>())
            .Should().Equal(["seamless-10gb", "seamless-5gb"], "offerings keep the operator's order");
        catalog["customerType"]!.GetValue<string>().Should().Be("CONSUMER");
        catalog["metadata"]!["region"]!.GetValue<string>().Should().Be("us");
        catalog.AsObject().Select(p => p.Key).Should().Contain(["productCatalogId", "name", "productOfferings", "external_reference",
            "description", "ProductOfferingGroups", "createdAt", "updatedAt", "metadata", "customerType"]);
    }

    [Fact]
    public async Task Given_consumer_and_business_defaults_When_each_key_asks_Then_each_gets_its_own()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("consumer", ["seamless-10gb"], []));
        await Admin.PostJson("/product-catalogs", Samples.Catalog("business", ["biz"], [], customerType: "BUSINESS", name: "Business"));
        var business = await Api.ClientWithKeyAsync([CatalogRead], CustomerType.Business);

        (await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK))["productCatalogId"]!.GetValue<string>().Should().Be("consumer");
        (await (await business.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK))["productCatalogId"]!.GetValue<string>().Should().Be("business");
    }

    [Fact]
    public async Task Given_locale_specific_defaults_When_resolving_Then_locale_then_language_then_unlocalized()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("any", ["seamless-10gb"], [], locale: null));
        await Admin.PostJson("/product-catalogs", Samples.Catalog("german", ["seamless-10gb"], [], locale: "de"));
        await Admin.PostJson("/product-catalogs", Samples.Catalog("swiss-french", ["seamless-10gb"], [], locale: "fr-CH"));

        async Task<string> DefaultFor(string? acceptLanguage)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, "/product-catalogs/default");
            if (acceptLanguage is not null) request.Headers.TryAddWithoutValidation("Accept-Language", acceptLanguage);
            return (await (await Admin.SendAsync(request)).ShouldBe(HttpStatusCode.OK))["productCatalogId"]!.GetValue<string>();
        }

        (await DefaultFor(null)).Should().Be("any", "the key is en-US and only an unlocalized default fits");
        (await DefaultFor("fr-CH")).Should().Be("swiss-french");
        (await DefaultFor("de-AT,en;q=0.5")).Should().Be("german", "de-AT falls back to its language");
        (await DefaultFor("it-IT")).Should().Be("any");
    }

    [Fact]
    public async Task Given_no_default_for_the_customer_type_When_asked_Then_404()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("consumer", ["seamless-10gb"], []));
        var business = await Api.ClientWithKeyAsync([CatalogRead], CustomerType.Business);
        await (await business.GetAsync("/product-catalogs/default")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_a_default_When_another_catalog_is_marked_default_for_the_same_context_Then_it_takes_the_mark()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("first", ["seamless-10gb"], []));
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("second", ["seamless-5gb"], []))).ShouldBe(HttpStatusCode.Created);

        (await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK))["productCatalogId"]!.GetValue<string>().Should().Be("second");
        (await (await Admin.GetAsync("/product-catalogs/first")).ShouldBe(HttpStatusCode.OK))["isDefault"]!.GetValue<bool>().Should().BeFalse();

        await (await Admin.PatchJson("/product-catalogs/first", new { isDefault = true })).ShouldBe(HttpStatusCode.OK);
        (await (await Admin.GetAsync("/product-catalogs/default")).ShouldBe(HttpStatusCode.OK))["productCatalogId"]!.GetValue<string>().Should().Be("first");
    }

    [Fact]
    public async Task Given_catalogs_When_listed_Then_offerings_are_left_out_and_paging_applies()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("b-cat", ["seamless-10gb"], ["g-1"], name: "B"));
        await Admin.PostJson("/product-catalogs", Samples.Catalog("a-cat", ["seamless-5gb"], [], name: "A", isDefault: false));

        var list = await (await Admin.GetAsync("/product-catalogs?limit=1")).ShouldBe(HttpStatusCode.OK);

        list["items"]!.AsArray().Should().ContainSingle();
        list["items"]![0]!["productCatalogId"]!.GetValue<string>().Should().Be("a-cat");
        list["items"]![0]!.AsObject().ContainsKey("productOfferings").Should().BeFalse();
        list["pagination"]!["total"]!.GetValue<long>().Should().Be(2);
        await (await Admin.GetAsync("/product-catalogs?offset=-1")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_bad_references_When_creating_a_catalog_Then_400_lists_each()
    {
        await SeedAsync();
        var problem = await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c", ["missing", "biz"], ["nope"])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(["productOfferingIds", "productOfferingGroupIds"]);
        problem["errors"]!.AsArray().Should().HaveCount(3, "a missing offering, a BUSINESS offering in a CONSUMER catalog, a missing group");
        problem["errors"]!.AsArray().Select(e => e!["message"]!.GetValue<string>())
            .Should().Contain("Product offering 'biz' is for BUSINESS customers, not CONSUMER.", "messages use wire names");
        await (await Admin.GetAsync("/product-catalogs/c")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_the_id_default_When_creating_a_catalog_Then_400()
    {
        var problem = await (await Admin.PostJson("/product-catalogs", Samples.Catalog("default", [], [])))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain("productCatalogId");
    }

    [Fact]
    public async Task Given_a_catalog_When_read_by_id_with_its_ETag_Then_304()
    {
        await SeedAsync();
        await Admin.PostJson("/product-catalogs", Samples.Catalog("c", ["seamless-10gb"], []));
        var etag = (await Admin.GetAsync("/product-catalogs/c")).Headers.ETag!.ToString();
        var request = new HttpRequestMessage(HttpMethod.Get, "/product-catalogs/c");
        request.Headers.TryAddWithoutValidation("If-None-Match", etag);
        (await Admin.SendAsync(request)).StatusCode.Should().Be(HttpStatusCode.NotModified);
    }
}
