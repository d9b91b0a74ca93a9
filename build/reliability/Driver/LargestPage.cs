using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;

/// <summary>
/// Offerings at every bound (text, lists, metadata), listed a page at a time by concurrent readers while a probe
/// times <c>/health/live</c>: what the worst list a shop can be sent costs the process.
/// </summary>
internal static class LargestPage
{
    public static async Task<object> Run(HttpClient http, string key, int offerings, int seconds, int readers)
    {
        var run = Guid.NewGuid().ToString("N")[..6];
        var worst = new string('\u0001', 1); // written as \u0001: six bytes a character, the most any costs
        string Text(int length) => string.Concat(Enumerable.Repeat(worst, length));
        await Post(http, key, "/products", new
        {
            productId = $"xp-{run}", internalName = Text(200), type = "SUBSCRIPTION", category = "SUBSCRIPTION_BROADBAND",
            networkProviderId = Text(100),
            features = new { countries = Enumerable.Repeat("ZZ", 250), regions = Enumerable.Repeat(Text(50), 10) },
            requirements = Enumerable.Range(0, 50).ToDictionary(i => $"k{i:D2}" + new string('x', 61), _ => "VERIFIED"),
        });
        await Post(http, key, "/product-offering-groups", new { productOfferingGroupId = $"xg-{run}", name = Text(200) });
        for (var i = 0; i < offerings; i++)
            await Post(http, key, "/product-offerings", new
            {
                productOfferingId = $"xo-{run}-{i}", name = Text(200), productId = $"xp-{run}", productOfferingGroupId = $"xg-{run}",
                customerType = "CONSUMER",
                price = new { currency = "USD", priceType = "ONE_TIME", grossPrice = 10, taxIncluded = true },
                description = Text(1000), richContent = Text(4000), internalDescription = Text(1000),
                imageUrl = "https://example.com/" + new string('\u2028', 980),
                addonCategories = Enumerable.Repeat("SUBSCRIPTION_BROADBAND", 20), metadata = new { m = Text(681) },
            });

        var page = $"/product-offerings?limit=1000&productOfferingGroupId=xg-{run}";
        long pageBytes = 0, reads = 0, failures = 0;
        var readMs = new ConcurrentQueue<double>();
        var liveMs = new List<double>();
        var stop = DateTime.UtcNow.AddSeconds(seconds);

        async Task Reader()
        {
            while (DateTime.UtcNow < stop)
            {
                var clock = Stopwatch.StartNew();
                using var request = new HttpRequestMessage(HttpMethod.Get, page);
                request.Headers.Add("X-Api-Key", key);
                using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
                var bytes = await Drain(await response.Content.ReadAsStreamAsync());
                readMs.Enqueue(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                Interlocked.Exchange(ref pageBytes, bytes);
                Interlocked.Increment(ref reads);
            }
        }

        async Task Probe()
        {
            while (DateTime.UtcNow < stop)
            {
                var clock = Stopwatch.StartNew();
                using var response = await http.GetAsync("/health/live");
                liveMs.Add(clock.Elapsed.TotalMilliseconds);
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref failures);
                await Task.Delay(100);
            }
        }

        await Task.WhenAll(Enumerable.Range(0, readers).Select(_ => Task.Run(Reader)).Append(Task.Run(Probe)));
        return new
        {
            offerings, readers, pageBytes, reads, failures,
            readP50Ms = Percentile(readMs, 0.5), readP99Ms = Percentile(readMs, 0.99),
            liveP50Ms = Percentile(liveMs, 0.5), liveP99Ms = Percentile(liveMs, 0.99), liveMaxMs = Math.Round(liveMs.DefaultIfEmpty(0).Max(), 1),
        };
    }

    // Reads the body without keeping it, as a client streaming it to a cache or a page would.
    private static async Task<long> Drain(Stream body)
    {
        var buffer = new byte[81920];
        long total = 0;
        int read;
        while ((read = await body.ReadAsync(buffer)) > 0) total += read;
        return total;
    }

    private static double Percentile(IEnumerable<double> values, double share)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? 0 : Math.Round(sorted[Math.Min(sorted.Length - 1, (int)(sorted.Length * share))], 1);
    }

    private static async Task Post(HttpClient http, string key, string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Api-Key", key);
        using var response = await http.SendAsync(request);
        if (!response.IsSuccessStatusCode)
            throw new InvalidOperationException($"POST {path} → {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
    }
}
