namespace Connect.IntegrationTests.Infrastructure;

/// <summary>Request bodies as an operator would send them.</summary>
public static class Samples
{
    public static object Product(string id, string type = "SUBSCRIPTION", string category = "SUBSCRIPTION_CELL") => new
    {
        productId = id,
        internalName = id.Replace('-', '_'),
        type,
        category,
        networkProviderId = "net-1",
        features = new { dataMb = 2048, includedCallSeconds = 1000, includedSms = 500 },
        requirements = new Dictionary<string, string> { ["subscriber.address"] = "VERIFIED" },
    };

    public static object Group(string id, string name = "Mobile plans", string category = "SUBSCRIPTION_CELL") =>
        new { productOfferingGroupId = id, name, category, description = "Plans", internalDescription = "internal" };

    public static object Offering(string id, string productId, string? groupId = null, string name = "Seamless 10GB",
        decimal gross = 10m, decimal discount = 5m, string customerType = "CONSUMER", string currency = "USD") => new
    {
        productOfferingId = id,
        name,
        productId,
        productOfferingGroupId = groupId,
        customerType,
        price = new
        {
            currency, priceType = "ONE_TIME", grossPrice = gross, discount, boundMonths = 12,
            billingCycle = new { period = "MONTHLY", interval = 1 }, taxIncluded = true,
        },
        description = "Our most popular plan",
    };

    public static object Catalog(string id, string[] offeringIds, string[] groupIds, string customerType = "CONSUMER",
        string? locale = "en-US", bool isDefault = true, string name = "US Consumer Catalog") => new
    {
        productCatalogId = id,
        name,
        external_reference = "ext-" + id,
        description = "Catalog " + id,
        customerType,
        locale,
        isDefault,
        productOfferingIds = offeringIds,
        productOfferingGroupIds = groupIds,
        metadata = new { region = "us" },
    };

    /// <summary>A product, a group and an offering, created through the API.</summary>
    public static async Task SeedOfferingAsync(HttpClient admin, string offeringId, string productId = "p-1", string groupId = "g-1",
        string type = "SUBSCRIPTION", string category = "SUBSCRIPTION_CELL", string name = "Seamless 10GB", decimal gross = 10m,
        decimal discount = 5m, string customerType = "CONSUMER", string currency = "USD")
    {
        await admin.PostJson("/products", Product(productId, type, category));
        await admin.PostJson("/product-offering-groups", Group(groupId));
        var response = await admin.PostJson("/product-offerings", Offering(offeringId, productId, groupId, name, gross, discount, customerType, currency));
        await response.ShouldBe(System.Net.HttpStatusCode.Created);
    }

    /// <summary>Two CONSUMER offerings of group g-1: o-1 (p-1, gross 10, discount 5) and o-2 (p-2, "Seamless 5GB", gross 7).</summary>
    public static async Task SeedTwoOfferingsAsync(HttpClient admin)
    {
        await SeedOfferingAsync(admin, "o-1");
        await SeedOfferingAsync(admin, "o-2", productId: "p-2", name: "Seamless 5GB", gross: 7m, discount: 0m);
    }

    public static object PromoCode(string code, string discountType = "PERCENTAGE", decimal value = 20m, string? currency = null,
        object? appliesTo = null, DateTimeOffset? validFrom = null, DateTimeOffset? validUntil = null, string? customerType = null) => new
    {
        code, discountType, value, currency, validFrom, validUntil, appliesTo = appliesTo ?? new { }, customerType,
    };
}
