using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>
/// The resources the fuzz writes to, made through the API, and a valid body of each kind to mutate: two of each,
/// an offering priced in JPY, an archived one, a deactivated promo code.
/// </summary>
internal static class FuzzWorld
{
    public static readonly string[] Products = ["p-1", "p-2"];
    public static readonly string[] Groups = ["g-1", "g-2"];
    public static readonly string[] Offerings = ["o-1", "o-jpy", "o-archived"];
    public static readonly string[] Catalogs = ["c-1", "c-2"];
    public static readonly string[] PromoCodes = ["SAVE20", "FIVEOFF", "OLD"];
    public const string Missing = "missing-1";

    /// <summary>Every list a reader uses: after any request, each must still answer.</summary>
    public static readonly string[] Lists =
        ["/product-offerings", "/product-offerings?status=ALL&limit=1000", "/product-catalogs", "/product-offering-groups", "/promo-codes"];

    public const string DefaultCatalog = "/product-catalogs/default";

    public static JsonObject Product() => Parse("""
        {"internalName":"plan_1","type":"SUBSCRIPTION","category":"SUBSCRIPTION_CELL","networkProviderId":"net-1",
         "features":{"dataMb":2048,"includedCallSeconds":1000,"includedSms":500,"validityDays":30,"countries":["US","CA"],
                     "regions":["na"],"activationType":"INSTANT"},
         "requirements":{"subscriber.address":"VERIFIED","subscriber.birthDate":"OPTIONAL"}}
        """);

    public static JsonObject Group() => Parse("""{"name":"Mobile plans","category":"SUBSCRIPTION_CELL","description":"Plans","internalDescription":"internal"}""");

    public static JsonObject Offering(string currency = "USD", string gross = "10.5", string discount = "0.5") => Parse($$"""
        {"name":"Seamless 10GB","productId":"p-1","productOfferingGroupId":"g-1","customerType":"CONSUMER",
         "price":{"currency":"{{currency}}","priceType":"RECURRING","grossPrice":{{gross}},"discount":{{discount}},"boundMonths":12,
                  "billingCycle":{"period":"MONTHLY","interval":1},"taxIncluded":true},
         "description":"Our most popular plan","richContent":"<p>fast</p>","addonCategories":["EXTRA_DATA"],
         "internalDescription":"internal","imageUrl":"https://example.com/a.png","metadata":{"tier":"gold","rank":2,"tags":["a","b"]} }
        """);

    public static JsonObject Catalog() => Parse("""
        {"name":"US Consumer Catalog","external_reference":"ext-1","description":"Catalog","customerType":"CONSUMER","locale":"en-US",
         "isDefault":true,"productOfferingIds":["o-1","o-jpy"],"productOfferingGroupIds":["g-1"],"metadata":{"region":"us","weight":1.5}}
        """);

    public static JsonObject PromoCode(string code = "NEW1") => Parse($$"""
        {"code":"{{code}}","discountType":"AMOUNT","value":2.5,"currency":"USD","validFrom":"2020-01-01T00:00:00Z",
         "validUntil":"2099-01-01T00:00:00Z","appliesTo":{"productOfferingIds":["o-1"],"productOfferingGroupIds":["g-1"],
         "categories":["SUBSCRIPTION_CELL"],"types":["SUBSCRIPTION"]},"customerType":"CONSUMER" }
        """);

    public static JsonObject Reason() => new() { ["reason"] = "end of sale" };

    /// <summary>Resources a reader can fetch by id: each must answer 200 after any request.</summary>
    public static IEnumerable<FuzzTarget> Seeded() =>
        Products.Select(id => new FuzzTarget("product", id))
            .Concat(Groups.Select(id => new FuzzTarget("group", id)))
            .Concat(Offerings.Select(id => new FuzzTarget("offering", id)))
            .Concat(Catalogs.Select(id => new FuzzTarget("catalog", id)))
            .Concat(PromoCodes.Select(id => new FuzzTarget("promo", id)));

    public static async Task SeedAsync(HttpClient admin)
    {
        foreach (var id in Products) await Create(admin, "/products", With(Product(), "productId", id));
        foreach (var id in Groups) await Create(admin, "/product-offering-groups", With(Group(), "productOfferingGroupId", id));
        await Create(admin, "/product-offerings", With(Offering(), "productOfferingId", "o-1"));
        await Create(admin, "/product-offerings", With(Offering("JPY", "1000", "0"), "productOfferingId", "o-jpy"));
        await Create(admin, "/product-offerings", With(Offering(), "productOfferingId", "o-archived"));
        await (await admin.PostJson("/product-offerings/o-archived/archive", Reason().ToJsonString())).ShouldBe(HttpStatusCode.OK);
        await Create(admin, "/product-catalogs", With(Catalog(), "productCatalogId", "c-1"));
        var second = With(Catalog(), "productCatalogId", "c-2");
        second["isDefault"] = false;
        second["locale"] = null;
        await Create(admin, "/product-catalogs", second);
        await Create(admin, "/promo-codes", PromoCode("FIVEOFF"));
        var percentage = PromoCode("SAVE20");
        percentage["discountType"] = "PERCENTAGE";
        percentage["value"] = 20;
        percentage.Remove("currency");
        await Create(admin, "/promo-codes", percentage);
        await Create(admin, "/promo-codes", PromoCode("OLD"));
        await (await admin.PostJson("/promo-codes/OLD/deactivate", "{}")).ShouldBe(HttpStatusCode.OK);
    }

    public static JsonObject With(JsonObject body, string property, string? id)
    {
        if (id is not null) body[property] = id;
        return body;
    }

    private static async Task Create(HttpClient admin, string url, JsonObject body) =>
        await (await admin.PostJson(url, body.ToJsonString())).ShouldBe(HttpStatusCode.Created);

    private static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();
}
