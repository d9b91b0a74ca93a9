// Writes and latency probes of build/bench/scale.sh, against offerings bench-o-0001 … bench-o-<n> (build/bench/Seed).
//
//   write <url> <key> <n> <seconds> <per second>    PATCHes random offerings at that rate; prints writes=<count>
//   next-read <url> <key> <n> <samples>             per sample: a quiet GET, a PATCH, then the next GET of it on the same
//                                                   node; prints quiet/next p50 and p99 in ms
//   visibility <writer> <reader> <key> <n> <samples> PATCH on the writer, then GET on the reader every millisecond until
//                                                   the new name shows; prints p50 and p99 in ms from the PATCH's answer
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

var mode = args[0];
var key = mode == "visibility" ? args[3] : args[2];
var n = int.Parse(mode == "visibility" ? args[4] : args[3], CultureInfo.InvariantCulture);
HttpClient Client(string url)
{
    var client = new HttpClient { BaseAddress = new Uri(url) };
    client.DefaultRequestHeaders.Add("X-Api-Key", key);
    return client;
}
string Id() => $"bench-o-{Random.Shared.Next(1, n + 1):0000}";
var revision = 0;

async Task<string> PatchAsync(HttpClient client, string id)
{
    var name = $"Offering {id} rev {Interlocked.Increment(ref revision)}-{Environment.ProcessId}";
    using var response = await client.PatchAsJsonAsync($"/product-offerings/{id}",
        new { name, price = new { grossPrice = 5m + Random.Shared.Next(0, 95) } });
    response.EnsureSuccessStatusCode();
    return name;
}

async Task<(double Ms, string? Name)> GetAsync(HttpClient client, string id)
{
    var watch = Stopwatch.StartNew();
    using var response = await client.GetAsync($"/product-offerings/{id}");
    var body = await response.Content.ReadAsStringAsync();
    var ms = watch.Elapsed.TotalMilliseconds;
    return (ms, JsonNode.Parse(body)?["name"]?.GetValue<string>());
}

static string Percentiles(string name, List<double> ms)
{
    ms.Sort();
    double At(double p) => ms[Math.Min(ms.Count - 1, (int)Math.Ceiling(p * ms.Count) - 1)];
    return string.Create(CultureInfo.InvariantCulture, $"{name}_p50={At(0.5):0.00} {name}_p99={At(0.99):0.00}");
}

switch (mode)
{
    case "write":
    {
        var client = Client(args[1]);
        var seconds = double.Parse(args[4], CultureInfo.InvariantCulture);
        var interval = TimeSpan.FromSeconds(1 / double.Parse(args[5], CultureInfo.InvariantCulture));
        var watch = Stopwatch.StartNew();
        var writes = 0;
        while (watch.Elapsed.TotalSeconds < seconds)
        {
            var next = interval * (writes + 1);
            await PatchAsync(client, Id());
            writes++;
            if (next > watch.Elapsed) await Task.Delay(next - watch.Elapsed);
        }
        Console.WriteLine($"writes={writes}");
        break;
    }
    case "next-read":
    {
        var client = Client(args[1]);
        List<double> quiet = [], next = [];
        for (var i = 0; i < int.Parse(args[4], CultureInfo.InvariantCulture); i++)
        {
            var id = Id();
            quiet.Add((await GetAsync(client, id)).Ms);
            var name = await PatchAsync(client, id);
            var (ms, shown) = await GetAsync(client, id);
            if (shown != name) throw new InvalidOperationException($"the writing node answered {shown} after writing {name}");
            next.Add(ms);
            await Task.Delay(50);
        }
        Console.WriteLine($"{Percentiles("quiet", quiet)} {Percentiles("next", next)}");
        break;
    }
    case "visibility":
    {
        var writer = Client(args[1]);
        var reader = Client(args[2]);
        List<double> seen = [];
        for (var i = 0; i < int.Parse(args[5], CultureInfo.InvariantCulture); i++)
        {
            var id = Id();
            var name = await PatchAsync(writer, id);
            var watch = Stopwatch.StartNew();
            while ((await GetAsync(reader, id)).Name != name)
            {
                if (watch.Elapsed > TimeSpan.FromSeconds(10)) throw new TimeoutException($"{id} not seen on the reader after 10 s");
                await Task.Delay(1);
            }
            seen.Add(watch.Elapsed.TotalMilliseconds);
            await Task.Delay(50);
        }
        Console.WriteLine(Percentiles("seen", seen));
        break;
    }
    default:
        Console.Error.WriteLine("usage: Scale write|next-read|visibility …");
        return 2;
}
return 0;
