// Loads the benchmark's catalog through Connect's public API, as an operator would: 100 products, 40 groups,
// 1,000 offerings (750 CONSUMER, 250 BUSINESS), 4 catalogs of 250 offerings (CONSUMER en-US is the default the
// benchmark reads) and 100 promo codes. Every id is fixed, so a second run finds everything in place (409s).
//
// With a third argument, that many offerings instead (build/bench/scale.sh); past 1,000 every fourth is BUSINESS.
//
// Usage: dotnet Seed.dll <api base url> <admin key> [offerings]
using System.Net;
using System.Net.Http.Json;

if (args.Length is not (2 or 3))
{
    Console.Error.WriteLine("usage: Seed <api base url> <admin key> [offerings]");
    return 2;
}
var offerings = args.Length == 3 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 1000;
using var http = new HttpClient { BaseAddress = new Uri(args[0]) };
http.DefaultRequestHeaders.Add("X-Api-Key", args[1]);

string[] categories = ["SUBSCRIPTION_CELL", "SUBSCRIPTION_DATA_SIM", "TRAVEL_ESIM", "EXTRA_DATA", "SUBSCRIPTION_BROADBAND"];
string[] types = ["SUBSCRIPTION", "SUBSCRIPTION", "SUBSCRIPTION_ADDON", "SUBSCRIPTION_TOPUP", "LICENSE"];
string Group(int g) => $"bench-g-{g:00}";
string Product(int p) => $"bench-p-{p:000}";
string Offering(int o) => $"bench-o-{o:0000}";
string Customer(int o) => o <= 750 || (o > 1000 && o % 4 != 0) ? "CONSUMER" : "BUSINESS";

await Parallel.ForEachAsync(Enumerable.Range(1, 40), Options(), async (g, ct) => await Create("/product-offering-groups", new
{
    productOfferingGroupId = Group(g), name = $"Group {g:00}", category = categories[g % categories.Length],
    description = $"Offerings of group {g}.", internalDescription = "benchmark data",
}, ct));

await Parallel.ForEachAsync(Enumerable.Range(1, 100), Options(), async (p, ct) => await Create("/products", new
{
    productId = Product(p), internalName = $"bench_product_{p:000}", type = types[p % types.Length],
    category = categories[p % categories.Length], networkProviderId = "bench-network",
    features = new { dataMb = 1024L * (p % 50 + 1), includedCallSeconds = 600L * p, includedSms = 100L * (p % 10),
        validityDays = 30, countries = new[] { "US", "CA" }, activationType = p % 2 == 0 ? "INSTANT" : "FIRST_USE" },
    requirements = new Dictionary<string, string> { ["subscriber.address"] = "VERIFIED", ["subscriber.email"] = "REQUIRED" },
}, ct));

await Parallel.ForEachAsync(Enumerable.Range(1, offerings), Options(), async (o, ct) => await Create("/product-offerings", new
{
    productOfferingId = Offering(o), name = $"Offering {o:0000}", productId = Product(o % 100 + 1),
    productOfferingGroupId = Group(o % 40 + 1), customerType = Customer(o),
    price = new
    {
        currency = "USD", priceType = o % 3 == 0 ? "ONE_TIME" : "RECURRING", grossPrice = 5m + o % 95, discount = o % 4 == 0 ? 2.5m : 0m,
        boundMonths = o % 3 == 0 ? (int?)null : 12, billingCycle = o % 3 == 0 ? null : new { period = "MONTHLY", interval = 1 }, taxIncluded = true,
    },
    description = $"Offering {o}: calls, texts and data for everyday use, with roaming in North America.",
    richContent = $"<h2>Offering {o}</h2><p>Unlimited calls and texts. {o % 50 + 1} GB of data at full speed, then 1 Mbit/s.</p><ul><li>5G included</li><li>eSIM ready</li></ul>",
    addonCategories = new[] { "EXTRA_DATA" },
    imageUrl = $"https://cdn.example.com/offerings/{o}.png",
    metadata = new { sku = $"SKU-{o:00000}", tier = o % 3 == 0 ? "basic" : "plus" },
}, ct));

var catalogs = new[]
{
    (Id: "bench-consumer-us", Customer: "CONSUMER", Locale: "en-US", IsDefault: true, First: 1),
    (Id: "bench-consumer-gb", Customer: "CONSUMER", Locale: "en-GB", IsDefault: true, First: 251),
    (Id: "bench-consumer-summer", Customer: "CONSUMER", Locale: "en-US", IsDefault: false, First: 501),
    (Id: "bench-business-us", Customer: "BUSINESS", Locale: "en-US", IsDefault: true, First: 751),
};
foreach (var c in catalogs)
    await Create("/product-catalogs", new
    {
        productCatalogId = c.Id, name = $"Catalog {c.Id}", external_reference = c.Id, description = $"Benchmark catalog {c.Id}.",
        customerType = c.Customer, locale = c.Locale, isDefault = c.IsDefault,
        productOfferingIds = Enumerable.Range(c.First, 250).Select(Offering).ToArray(),
        productOfferingGroupIds = Enumerable.Range(1, 40).Where(g => g % 4 == c.First / 250).Select(Group).ToArray(),
        metadata = new { region = c.Locale },
    }, CancellationToken.None);

await Parallel.ForEachAsync(Enumerable.Range(1, 100), Options(), async (i, ct) => await Create("/promo-codes", new
{
    code = $"BENCH{i:000}",
    discountType = i % 2 == 0 ? "AMOUNT" : "PERCENTAGE",
    value = i % 2 == 0 ? 1m + i % 5 : 5m + i % 30,
    currency = i % 2 == 0 ? "USD" : null,
    appliesTo = (i % 4) switch
    {
        0 => (object)new { },
        1 => new { productOfferingGroupIds = new[] { Group(i % 40 + 1), Group((i + 7) % 40 + 1) } },
        2 => new { categories = new[] { categories[i % categories.Length] } },
        _ => new { productOfferingIds = Enumerable.Range(1, 20).Select(k => Offering((i * 20 + k) % 1000 + 1)).ToArray() },
    },
    customerType = i % 10 == 0 ? "BUSINESS" : null,
}, CancellationToken.None));

Console.Error.WriteLine($"seed: 40 groups, 100 products, {offerings} offerings, 4 catalogs, 100 promo codes in place");
return 0;

static ParallelOptions Options() => new() { MaxDegreeOfParallelism = 8 };

async Task Create(string path, object body, CancellationToken cancellationToken)
{
    using var response = await http.PostAsJsonAsync(path, body, cancellationToken);
    // A second run finds everything already there.
    if (response.StatusCode is HttpStatusCode.Created or HttpStatusCode.Conflict) return;
    throw new InvalidOperationException($"POST {path} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync(cancellationToken)}");
}
