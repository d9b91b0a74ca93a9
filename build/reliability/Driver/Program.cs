using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

// Mixed reads and writes from several API keys against a running Connect, then a check that every write
// that was acknowledged can be read back. Prints one JSON object with the figures.
//
//   driver load   --url http://127.0.0.1:5095 --key <admin key> --seconds 120 --workers 8 [--tolerate-refused]
//   driver verify --url ... --key ... --ids <file written by load>
//   driver largest-page --url ... --key ... --offerings 200 --seconds 15 --workers 8
var options = Args.Parse(args);
var url = options.Get("url", "http://127.0.0.1:5095");
var adminKey = options.Get("key", "");
using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };

switch (options.Command)
{
    case "load": await Load(); break;
    case "verify": await Verify(options.Get("ids", "ids.txt")); break;
    case "largest-page":
        Console.WriteLine(JsonSerializer.Serialize(await LargestPage.Run(http, await CreateKey("largest-page"),
            int.Parse(options.Get("offerings", "200")), int.Parse(options.Get("seconds", "15")), int.Parse(options.Get("workers", "8")))));
        break;
    default: Console.Error.WriteLine("usage: driver load|verify|largest-page --url U --key K [--seconds S] [--workers N] [--ids FILE]"); return 2;
}
return 0;

async Task Load()
{
    var seconds = int.Parse(options.Get("seconds", "60"));
    var workers = int.Parse(options.Get("workers", "8"));
    var idsFile = options.Get("ids", "ids.txt");
    var run = Guid.NewGuid().ToString("N")[..6];

    // Several keys, as several shops and back offices would have.
    var keys = new List<string>();
    for (var i = 0; i < 4; i++) keys.Add(await CreateKey($"load-{run}-{i}"));
    await Send(keys[0], HttpMethod.Post, "/products", new { productId = $"lp-{run}", internalName = "load", type = "SUBSCRIPTION", category = "SUBSCRIPTION_CELL" });
    await Send(keys[0], HttpMethod.Post, "/product-offering-groups", new { productOfferingGroupId = $"lg-{run}", name = "Load", category = "SUBSCRIPTION_CELL" });

    var statuses = new ConcurrentDictionary<int, int>();
    var acknowledged = new ConcurrentQueue<string>();
    var failures = new ConcurrentQueue<string>();
    long sent = 0, refused = 0;
    var latencies = new ConcurrentQueue<double>();
    var stop = DateTime.UtcNow.AddSeconds(seconds);
    var counter = 0;

    async Task Worker(int w)
    {
        var random = new Random(w);
        var key = keys[w % keys.Count];
        var mine = new List<string>();
        while (DateTime.UtcNow < stop)
        {
            var n = Interlocked.Increment(ref counter);
            var roll = random.Next(100);
            string? createdId = null;
            (HttpMethod Method, string Path, object? Body) op;
            // A catalog's mix: mostly reads, some edits (5 % creates, 7 % patches, 3 % archive/restore).
            if (roll < 5 || mine.Count == 0)
            {
                createdId = $"lo-{run}-{n}";
                op = (HttpMethod.Post, "/product-offerings", new
                {
                    productOfferingId = createdId, name = $"Load {n}", productId = $"lp-{run}", productOfferingGroupId = $"lg-{run}",
                    customerType = "CONSUMER",
                    price = new { currency = "USD", priceType = "RECURRING", grossPrice = 10 + n % 50, discount = n % 3, taxIncluded = true,
                        billingCycle = new { period = "MONTHLY", interval = 1 } },
                });
            }
            else if (roll < 12)
                op = (new HttpMethod("PATCH"), $"/product-offerings/{mine[random.Next(mine.Count)]}", new { description = $"edit {n}" });
            else if (roll < 15)
                op = (HttpMethod.Post, $"/product-offerings/{mine[random.Next(mine.Count)]}/{(random.Next(2) == 0 ? "archive" : "restore")}", new { reason = "load" });
            else if (roll < 60)
                op = (HttpMethod.Get, $"/product-offerings/{mine[random.Next(mine.Count)]}", null);
            else if (roll < 85)
                op = (HttpMethod.Get, $"/product-offerings?limit=50&productOfferingGroupId=lg-{run}&sort=-createdAt", null);
            else
                op = (HttpMethod.Get, $"/product-offerings/{mine[random.Next(mine.Count)]}/status-history", null);

            var clock = Stopwatch.StartNew();
            try
            {
                using var response = await Send(key, op.Method, op.Path, op.Body);
                latencies.Enqueue(clock.Elapsed.TotalMilliseconds);
                Interlocked.Increment(ref sent);
                statuses.AddOrUpdate((int)response.StatusCode, 1, (_, c) => c + 1);
                if ((int)response.StatusCode >= 500)
                    failures.Enqueue($"{op.Method} {op.Path} → {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                if (createdId is not null && response.StatusCode == HttpStatusCode.Created)
                {
                    mine.Add(createdId);
                    acknowledged.Enqueue(createdId);
                }
            }
            catch (HttpRequestException)
            {
                // The server was not there (shut down, or not yet up): nothing was accepted.
                Interlocked.Increment(ref refused);
                await Task.Delay(50);
            }
        }
    }

    await Task.WhenAll(Enumerable.Range(0, workers).Select(w => Task.Run(() => Worker(w))));
    await File.WriteAllLinesAsync(idsFile, acknowledged);
    var sorted = latencies.Order().ToArray();
    Console.WriteLine(JsonSerializer.Serialize(new
    {
        requests = sent,
        refusedConnections = refused,
        status = statuses.OrderBy(s => s.Key).ToDictionary(s => s.Key.ToString(), s => s.Value),
        fiveHundreds = statuses.Where(s => s.Key >= 500).Sum(s => s.Value),
        acknowledgedWrites = acknowledged.Count,
        p50Ms = sorted.Length == 0 ? 0 : Math.Round(sorted[sorted.Length / 2], 1),
        p99Ms = sorted.Length == 0 ? 0 : Math.Round(sorted[(int)(sorted.Length * 0.99)], 1),
        firstFailures = failures.Take(5).ToArray(),
    }));
}

async Task Verify(string idsFile)
{
    var ids = await File.ReadAllLinesAsync(idsFile);
    var lost = new List<string>();
    var key = await CreateKey("verify-" + Guid.NewGuid().ToString("N")[..6]);
    foreach (var id in ids.Where(i => i.Length > 0))
    {
        using var response = await Send(key, HttpMethod.Get, $"/product-offerings/{id}", null);
        if (response.StatusCode != HttpStatusCode.OK) lost.Add($"{id}: {(int)response.StatusCode}");
    }
    Console.WriteLine(JsonSerializer.Serialize(new { checkedWrites = ids.Length, lostWrites = lost.Count, firstLost = lost.Take(5).ToArray() }));
}

// A key of its own with a limit far above the load, so the figures measure the service, not the rate limiter.
async Task<string> CreateKey(string name)
{
    using var created = await Send(adminKey, HttpMethod.Post, "/api-keys", new
    {
        name, scopes = new[] { "catalog:read", "catalog:write", "pricing:write" }, customerType = "CONSUMER",
        locale = "en-US", rateLimit = new { permitsPerSecond = 100000, burst = 100000 },
    });
    created.EnsureSuccessStatusCode();
    return JsonNode.Parse(await created.Content.ReadAsStringAsync())!["key"]!.GetValue<string>();
}

async Task<HttpResponseMessage> Send(string key, HttpMethod method, string path, object? body)
{
    using var request = new HttpRequestMessage(method, path);
    request.Headers.Add("X-Api-Key", key);
    if (body is not null) request.Content = JsonContent.Create(body);
    return await http.SendAsync(request);
}

internal sealed record Args(string Command, Dictionary<string, string> Values)
{
    public static Args Parse(string[] args)
    {
        var values = new Dictionary<string, string>();
        for (var i = 1; i + 1 < args.Length; i += 2) values[args[i].TrimStart('-')] = args[i + 1];
        return new Args(args.FirstOrDefault() ?? "", values);
    }

    public string Get(string name, string fallback) => Values.GetValueOrDefault(name, fallback);
}
