using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// Every text and collection an offering embeds is bounded, so one product cannot make every list huge: the
/// largest offering the bounds allow stays within 64 KB written out.
/// </summary>
public sealed class RepresentationBoundsTests(ConnectApiFactory api) : ApiTest(api)
{
    // A control character is written as \u0001: six bytes for one character, the worst any character costs.
    private static string Text(int length) => new('\u0001', length);
    private static string Id(char c) => c + new string('x', 63);

    [Fact]
    public async Task Given_the_largest_offering_the_bounds_allow_When_it_is_read_alone_and_in_a_list_Then_each_is_at_most_64_KB()
    {
        await LargestOfferingAsync(Admin, Id('o'), Id('p'), Id('g'));

        var single = await (await Admin.GetAsync($"/product-offerings/{Id('o')}")).Content.ReadAsByteArrayAsync();
        var list = await (await Admin.GetAsync("/product-offerings?limit=1000")).Content.ReadAsByteArrayAsync();

        JsonNode.Parse(single)!["product"]!["requirements"]!.AsObject().Count.Should().Be(50, "the offering is the largest allowed");
        single.Length.Should().BeGreaterThan(48 * 1024, "the test offering really is near the bound").And.BeLessThanOrEqualTo(64 * 1024);
        (list.Length - single.Length).Should().BeLessThan(200, "a list holds the same offering plus the paging envelope");
    }

    /// <summary>A product, group and offering with every bounded field at its bound and every text at its worst escape.</summary>
    internal static async Task LargestOfferingAsync(HttpClient admin, string offeringId, string productId, string groupId)
    {
        await (await admin.PostJson("/products", new
        {
            productId, internalName = Text(200), type = "SUBSCRIPTION_ADDON", category = "SUBSCRIPTION_BROADBAND",
            networkProviderId = Text(100),
            features = new
            {
                dataMb = long.MaxValue, includedCallSeconds = long.MaxValue, includedSms = long.MaxValue, validityDays = int.MaxValue,
                countries = Enumerable.Repeat("ZZ", 250), regions = Enumerable.Repeat(Text(50), 10), activationType = "FIRST_USE",
            },
            requirements = Enumerable.Range(0, 50).ToDictionary(i => $"k{i:D2}" + new string('x', 61), _ => "VERIFIED"),
        })).ShouldBe(HttpStatusCode.Created);
        await (await admin.PostJson("/product-offering-groups", new { productOfferingGroupId = groupId, name = Text(200), category = "SUBSCRIPTION_BROADBAND" }))
            .ShouldBe(HttpStatusCode.Created);
        await (await admin.PostJson("/product-offerings", new
        {
            productOfferingId = offeringId, name = Text(200), productId, productOfferingGroupId = groupId, customerType = "CONSUMER",
            price = new
            {
                currency = "BHD", priceType = "RECURRING", grossPrice = 999_999_999.999m, discount = 999_999_999.998m, boundMonths = 120,
                billingCycle = new { period = "MONTHLY", interval = 1000 }, taxIncluded = true,
            },
            description = Text(1000), richContent = Text(4000), internalDescription = Text(1000),
            imageUrl = "https://example.com/" + new string('\u2028', 980), // a URL may hold line separators, written \u2028
            addonCategories = Enumerable.Repeat("SUBSCRIPTION_BROADBAND", 20),
            // {"m":"…"} written with six bytes a character: 8 + 6 × 681 = 4 094 bytes, just within 4 KB.
            metadata = new { m = Text(681) },
        })).ShouldBe(HttpStatusCode.Created);
    }

    public static TheoryData<string, object, string> OverBounds() => new()
    {
        { "/products", Product(requirements: Enumerable.Range(0, 51).ToDictionary(i => $"k{i}", _ => "REQUIRED")), "requirements" },
        { "/products", Product(requirements: new Dictionary<string, string> { ["k" + new string('x', 64)] = "REQUIRED" }), "requirements" },
        { "/products", Product(features: new { countries = Enumerable.Repeat("US", 251) }), "features.countries" },
        { "/products", Product(features: new { regions = Enumerable.Repeat("r", 11) }), "features.regions" },
        { "/products", Product(features: new { regions = new[] { new string('r', 51) } }), "features.regions" },
        { "/product-offerings", Offering(new { addonCategories = Enumerable.Repeat("LICENSE", 21) }), "addonCategories" },
        { "/product-offerings", Offering(new { description = new string('d', 1001) }), "description" },
        { "/product-offerings", Offering(new { richContent = new string('r', 4001) }), "richContent" },
        { "/product-offerings", Offering(new { internalDescription = new string('d', 1001) }), "internalDescription" },
        { "/product-offerings", Offering(new { metadata = new { m = Text(700) } }), "metadata" },
        { "/product-offering-groups", new { name = "g", description = new string('d', 1001) }, "description" },
        { "/product-catalogs", new { name = "c", customerType = "CONSUMER", productOfferingGroupIds = Enumerable.Range(0, 51).Select(i => $"g{i}") }, "productOfferingGroupIds" },
        { "/product-catalogs", new { name = "c", customerType = "CONSUMER", productOfferingIds = Enumerable.Range(0, 1001).Select(i => $"o{i}") }, "productOfferingIds" },
        { "/promo-codes", Samples.PromoCode("MANY", appliesTo: new { productOfferingIds = Enumerable.Range(0, 201).Select(i => $"o{i}") }), "appliesTo.productOfferingIds" },
        { "/promo-codes", Samples.PromoCode("MANYG", appliesTo: new { productOfferingGroupIds = Enumerable.Range(0, 101).Select(i => $"g{i}") }), "appliesTo.productOfferingGroupIds" },
    };

    [Theory]
    [MemberData(nameof(OverBounds))]
    public async Task Given_a_body_past_a_bound_When_sent_Then_400_names_the_property(string path, object body, string property)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        var problem = await (await Admin.PostJson(path, body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain(p => p == property || p.StartsWith(property + "[", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Given_the_OpenAPI_document_When_read_Then_it_states_the_bounds()
    {
        var document = await (await Admin.GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);
        var schemas = document["components"]!["schemas"]!;

        schemas["CreateProduct"]!["properties"]!["requirements"]!["maxProperties"]!.GetValue<int>().Should().Be(50);
        schemas["ProductFeatures"]!["properties"]!["countries"]!["maxItems"]!.GetValue<int>().Should().Be(250);
        schemas["ProductFeatures"]!["properties"]!["regions"]!["items"]!["maxLength"]!.GetValue<int>().Should().Be(50);
        schemas["CreateOffering"]!["properties"]!["richContent"]!["maxLength"]!.GetValue<int>().Should().Be(4000);
        schemas["CreateOffering"]!["properties"]!["addonCategories"]!["maxItems"]!.GetValue<int>().Should().Be(20);
        schemas["CreateCatalog"]!["properties"]!["productOfferingIds"]!["maxItems"]!.GetValue<int>().Should().Be(1000);
        schemas["CreatePromoCodeTargets"]!["properties"]!["productOfferingIds"]!["maxItems"]!.GetValue<int>().Should().Be(200);
    }

    private static object Product(object? features = null, object? requirements = null) =>
        new { internalName = "p", type = "SUBSCRIPTION", category = "LICENSE", features, requirements };

    private static JsonObject Offering(object extra)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(Samples.Offering(null!, "p-1"))!.AsObject();
        body.Remove("productOfferingId");
        foreach (var (name, value) in System.Text.Json.JsonSerializer.SerializeToNode(extra)!.AsObject())
            body[name] = value?.DeepClone();
        return body;
    }
}
