using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

public sealed class ProductOfferingTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_the_published_example_When_created_through_the_management_API_Then_it_reads_back_field_for_field()
    {
        await Admin.PostJson("/products", new
        {
            productId = "seamless-10gb-product", internalName = "seamless_10gb", type = "SUBSCRIPTION",
            category = "PRODUCT_CATEGORY_SUBSCRIPTION_CELL", networkProviderId = "net-1",
            features = new { dataMb = 2048, includedCallSeconds = 1000, includedSms = 500 },
            requirements = new Dictionary<string, string> { ["subscriber.address"] = "VERIFIED" },
        });
        await Admin.PostJson("/product-offering-groups", Samples.Group("mobile-plans"));
        var created = await Admin.PostJson("/product-offerings", Samples.Offering("seamless-10gb", "seamless-10gb-product", "mobile-plans"));
        await created.ShouldBe(HttpStatusCode.Created);
        created.Headers.Location!.ToString().Should().Be("/product-offerings/seamless-10gb");

        var offering = await (await Admin.GetAsync("/product-offerings/seamless-10gb")).ShouldBe(HttpStatusCode.OK);

        offering["productOfferingId"]!.GetValue<string>().Should().Be("seamless-10gb");
        offering["name"]!.GetValue<string>().Should().Be("Seamless 10GB");
        offering["status"]!.GetValue<string>().Should().Be("AVAILABLE");
        offering["customerType"]!.GetValue<string>().Should().Be("CONSUMER");
        var price = offering["price"]!;
        price["currency"]!.GetValue<string>().Should().Be("USD");
        price["priceType"]!.GetValue<string>().Should().Be("ONE_TIME");
        price["grossPrice"]!.GetValue<decimal>().Should().Be(10m);
        price["discount"]!.GetValue<decimal>().Should().Be(5m);
        price["netPrice"]!.GetValue<decimal>().Should().Be(5m);
        price["boundMonths"]!.GetValue<int>().Should().Be(12);
        price["billingCycle"]!["period"]!.GetValue<string>().Should().Be("MONTHLY");
        price["billingCycle"]!["interval"]!.GetValue<int>().Should().Be(1);
        price["taxIncluded"]!.GetValue<bool>().Should().BeTrue();
        var product = offering["product"]!;
        product["productId"]!.GetValue<string>().Should().Be("seamless-10gb-product");
        product["type"]!.GetValue<string>().Should().Be("SUBSCRIPTION");
        product["category"]!.GetValue<string>().Should().Be("SUBSCRIPTION_CELL", "categories are written in the short form");
        product["features"]!["dataMb"]!.GetValue<long>().Should().Be(2048);
        product["features"]!["includedCallSeconds"]!.GetValue<long>().Should().Be(1000);
        product["features"]!["includedSms"]!.GetValue<long>().Should().Be(500);
        product["requirements"]!["subscriber.address"]!.GetValue<string>().Should().Be("VERIFIED");
        offering["group"]!["productOfferingGroupId"]!.GetValue<string>().Should().Be("mobile-plans");
        offering["group"]!["name"]!.GetValue<string>().Should().Be("Mobile plans");
        offering["productOfferingGroupId"]!.GetValue<string>().Should().Be("mobile-plans");
        offering["createdAt"]!.GetValue<string>().Should().MatchRegex(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?Z$");
        offering.AsObject().Select(p => p.Key).Should().BeEquivalentTo(
            "productOfferingId", "name", "price", "status", "description", "richContent", "productId", "product",
            "productOfferingGroupId", "group", "customerType", "addonCategories", "internalDescription", "imageUrl",
            "createdAt", "updatedAt", "metadata");
    }

    [Fact]
    public async Task Given_an_offering_When_read_with_its_current_ETag_Then_304_and_after_a_change_200()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var first = await Admin.GetAsync("/product-offerings/o-1");
        var etag = first.Headers.ETag!.ToString();

        var conditional = new HttpRequestMessage(HttpMethod.Get, "/product-offerings/o-1");
        conditional.Headers.TryAddWithoutValidation("If-None-Match", etag);
        (await Admin.SendAsync(conditional)).StatusCode.Should().Be(HttpStatusCode.NotModified);

        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Renamed" })).ShouldBe(HttpStatusCode.OK);
        var again = new HttpRequestMessage(HttpMethod.Get, "/product-offerings/o-1");
        again.Headers.TryAddWithoutValidation("If-None-Match", etag);
        var changed = await Admin.SendAsync(again);
        (await changed.ShouldBe(HttpStatusCode.OK))["name"]!.GetValue<string>().Should().Be("Renamed");
    }

    [Fact]
    public async Task Given_a_stale_If_Match_When_patching_Then_412_and_nothing_changes()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var etag = (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag!.ToString();
        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "First" }, etag)).ShouldBe(HttpStatusCode.OK);

        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "Second" }, etag))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        (await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK))["name"]!.GetValue<string>().Should().Be("First");
    }

    [Fact]
    public async Task Given_20_parallel_patches_with_the_same_If_Match_When_they_race_Then_exactly_one_wins()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var etag = (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag!.ToString();

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(i =>
            Api.Client().PatchJson("/product-offerings/o-1", new { name = $"Writer {i}" }, etag)));

        responses.Count(r => r.StatusCode == HttpStatusCode.OK).Should().Be(1);
        responses.Count(r => r.StatusCode == HttpStatusCode.PreconditionFailed).Should().Be(19);
        var winner = await responses.Single(r => r.StatusCode == HttpStatusCode.OK).ShouldBe(HttpStatusCode.OK);
        var stored = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        stored["name"]!.GetValue<string>().Should().Be(winner["name"]!.GetValue<string>(), "the winner's write is the one kept");
    }

    [Fact]
    public async Task Given_a_weak_If_Match_When_patching_Then_412_because_If_Match_compares_strongly()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var etag = (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag!.ToString();
        await (await Admin.PatchJson("/product-offerings/o-1", new { name = "x" }, "W/" + etag))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
    }

    [Fact]
    public async Task Given_a_patch_When_it_merges_Then_untouched_fields_stay_and_null_clears()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var patched = await (await Admin.PatchJson("/product-offerings/o-1",
            new { price = new { discount = 2.5m }, description = (string?)null })).ShouldBe(HttpStatusCode.OK);

        patched["price"]!["grossPrice"]!.GetValue<decimal>().Should().Be(10m);
        patched["price"]!["discount"]!.GetValue<decimal>().Should().Be(2.5m);
        patched["price"]!["netPrice"]!.GetValue<decimal>().Should().Be(7.5m);
        patched["description"].Should().BeNull();
        patched["name"]!.GetValue<string>().Should().Be("Seamless 10GB");
    }

    [Theory]
    [InlineData("""{ "status": "ARCHIVED" }""", "status")]
    [InlineData("""{ "createdAt": "2024-01-01T00:00:00Z" }""", "createdAt")]
    [InlineData("""{ "price": { "netPrice": 1 } }""", "price.netPrice")]
    [InlineData("""{ "productOfferingId": "other" }""", "productOfferingId")]
    [InlineData("""{ "colour": "red" }""", "colour")]
    [InlineData("""{ "customerType": "ALIENS" }""", "customerType")]
    [InlineData("""{ "price": { "discount": 11 } }""", "price.discount")]
    [InlineData("""{ "price": { "grossPrice": 10.001 } }""", "price.grossPrice")]
    [InlineData("""{ "name": "" }""", "name")]
    public async Task Given_a_bad_patch_When_sent_Then_400_names_the_property_and_nothing_changes(string body, string property)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var before = await (await Admin.GetAsync("/product-offerings/o-1")).Content.ReadAsStringAsync();

        var problem = await (await Admin.PatchJson("/product-offerings/o-1", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain(property);
        (await (await Admin.GetAsync("/product-offerings/o-1")).Content.ReadAsStringAsync()).Should().Be(before);
    }

    [Fact]
    public async Task Given_an_existing_id_When_created_again_Then_409()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-offerings", Samples.Offering("o-1", "p-1")))
            .ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }

    [Fact]
    public async Task Given_no_id_When_created_Then_the_server_makes_a_uuid()
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        var body = JsonNode.Parse(System.Text.Json.JsonSerializer.Serialize(Samples.Offering("ignored", "p-1")))!.AsObject();
        body.Remove("productOfferingId");
        var created = await (await Admin.PostJson("/product-offerings", body.ToJsonString())).ShouldBe(HttpStatusCode.Created);
        Guid.TryParse(created["productOfferingId"]!.GetValue<string>(), out _).Should().BeTrue();
    }

    [Theory]
    [InlineData("""{ "name": "x", "productId": "missing", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "ONE_TIME", "grossPrice": 1, "taxIncluded": true } }""", "productId")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER" }""", "price")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "XXX", "priceType": "ONE_TIME", "grossPrice": 1, "taxIncluded": true } }""", "price.currency")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "RECURRING", "grossPrice": 1, "taxIncluded": true } }""", "price.billingCycle")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "JPY", "priceType": "ONE_TIME", "grossPrice": 100.5, "taxIncluded": true } }""", "price.grossPrice")]
    [InlineData("""{ "productOfferingId": "has space", "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "ONE_TIME", "grossPrice": 1, "taxIncluded": true } }""", "productOfferingId")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "ONE_TIME", "grossPrice": "ten", "taxIncluded": true } }""", "price.grossPrice")]
    [InlineData("""{ "name": "x", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "SOMETIMES", "grossPrice": 1, "taxIncluded": true } }""", "price.priceType")]
    public async Task Given_an_invalid_offering_When_created_Then_400_names_the_property_and_nothing_is_stored(string body, string property)
    {
        await Admin.PostJson("/products", Samples.Product("p-1"));
        var problem = await (await Admin.PostJson("/product-offerings", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        problem.ErrorProperties().Should().Contain(property);
        var list = await (await Admin.GetAsync("/product-offerings?status=ALL")).ShouldBe(HttpStatusCode.OK);
        list["pagination"]!["total"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task Given_an_unknown_offering_When_read_or_patched_Then_404()
    {
        await (await Admin.GetAsync("/product-offerings/nope")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.PatchJson("/product-offerings/nope", new { name = "x" })).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
    }

    [Fact]
    public async Task Given_a_promo_code_When_no_such_code_exists_Then_422_unknown()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var problem = await (await Admin.GetAsync("/product-offerings/o-1?promoCode=NOPE")).ShouldBeProblem((HttpStatusCode)422, "promo_code_invalid");
        problem["reason"]!.GetValue<string>().Should().Be("unknown");
        await (await Admin.GetAsync("/product-offerings/o-1?promoCode=")).ShouldBe(HttpStatusCode.OK);
    }
}
