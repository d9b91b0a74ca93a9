using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;
using CsCheck;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary>
/// Random scripts of catalog changes (CsCheck generates and shrinks them): at every instant of a script, the catalog
/// and the offering list read as of it are what they read live then, byte for byte; the diff between any two instants
/// turns the catalog at the first into the catalog at the second; and as of now is the live answer. CI runs a fixed
/// seed; <c>TIME_TRAVEL_SEED</c> (a CsCheck seed, as a failure prints) and <c>TIME_TRAVEL_COUNT</c> run others or more.
/// </summary>
public sealed class TimeTravelPropertyTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string ListQuery = "status=ALL&sort=-updatedAt&limit=5";
    private int _runs;

    /// <summary>One change: what it does, to which offering, with which value (a catalog's offerings: a bit mask).</summary>
    public sealed record Step(int Kind, int Offering, int Value)
    {
        public override string ToString() => $"{Kind}:{Offering}:{Value}";
    }

    /// <summary>The changes, and the pairs of instants (indexes, reduced to the script's length) whose diff is checked.</summary>
    public sealed record Script(Step[] Steps, (int A, int B)[] Pairs)
    {
        public override string ToString() => $"steps [{string.Join(", ", Steps.Select(s => s.ToString()))}] pairs [{string.Join(", ", Pairs)}]";
    }

    private static readonly Gen<Script> Scripts =
        Gen.Select(
            Gen.Select(Gen.Int[0, 5], Gen.Int[0, 5], Gen.Int[1, 63], (kind, offering, value) => new Step(kind, offering, value)).Array[1, 10],
            Gen.Select(Gen.Int[0, 99], Gen.Int[0, 99]).Array[2, 5],
            (steps, pairs) => new Script(steps, pairs));

    [Fact]
    public async Task Given_random_scripts_of_catalog_changes_When_read_as_of_their_instants_Then_reads_diffs_and_now_agree_with_the_live_answers()
    {
        var seed = Environment.GetEnvironmentVariable("TIME_TRAVEL_SEED") is { Length: > 0 } given ? given : new PCG(20261201u, 20261201ul).ToString();
        var count = int.TryParse(Environment.GetEnvironmentVariable("TIME_TRAVEL_COUNT"), out var n) && n > 0 ? n : 6;
        await Admin.PostJson("/product-offering-groups", Samples.Group("g-1"));
        await Scripts.SampleAsync(RunAsync, seed: seed, iter: count, threads: 1, print: s => s.ToString());
    }

    private async Task RunAsync(Script script)
    {
        // Every run has ids of its own, so runs (and CsCheck's shrinking reruns) never see each other's catalog.
        var run = new ScriptRun(this, $"r{++_runs}");
        await run.StartAsync();
        foreach (var step in script.Steps) await run.ApplyAsync(step);

        foreach (var (instant, catalog, list) in run.Seen)
        {
            (await Text($"/product-catalogs/{run.Catalog}?asOf={instant}")).Should().Be(catalog, "the catalog as of {0} is what it read then", instant);
            (await Text($"/product-offerings?{ListQuery}&asOf={instant}")).Should().Be(list, "the list as of {0} is what it read then", instant);
        }
        foreach (var (a, b) in script.Pairs.Select(p => (p.A % run.Seen.Count, p.B % run.Seen.Count)).Select(p => p.Item1 <= p.Item2 ? p : (p.Item2, p.Item1)))
            await DiffAppliesAsync(run.Catalog, run.Seen[a].Instant, run.Seen[b].Instant);

        var now = Now();
        (await Text($"/product-catalogs/{run.Catalog}?asOf={now}")).Should().Be(await Text($"/product-catalogs/{run.Catalog}"));
        (await Text($"/product-offerings?{ListQuery}&asOf={now}")).Should().Be(await Text($"/product-offerings?{ListQuery}"));
        foreach (var offering in run.Offerings)
            (await Text($"/product-offerings/{offering}?asOf={now}")).Should().Be(await Text($"/product-offerings/{offering}"));
    }

    private async Task DiffAppliesAsync(string catalog, string a, string b)
    {
        var from = JsonNode.Parse(await Text($"/product-catalogs/{catalog}?asOf={a}"))!;
        var to = JsonNode.Parse(await Text($"/product-catalogs/{catalog}?asOf={b}"))!;
        var diff = JsonNode.Parse(await Text($"/product-catalogs/{catalog}/diff?from={a}&to={b}"))!;

        DiffApplied.Offerings(from, diff).Should().BeEquivalentTo(DiffApplied.Offerings(to), "the diff {0} → {1} applied to the catalog at {0} gives it at {1}", a, b);
        foreach (var field in diff["catalogFields"]!.AsArray().Select(f => f!.GetValue<string>()))
            from[field] = to[field]?.DeepClone();
        from["productOfferings"] = to["productOfferings"]!.DeepClone();
        from.ToJsonString().Should().Be(to.ToJsonString(), "the diff {0} → {1} names every catalog field that changed", a, b);
    }

    /// <summary>One script's catalog and offerings, and what the catalog and list read live at each instant of it.</summary>
    private sealed class ScriptRun(TimeTravelPropertyTests test, string prefix)
    {
        private readonly List<string> _offerings = [];
        private readonly HashSet<string> _archived = [];

        public string Catalog { get; } = prefix + "-c";
        public IReadOnlyList<string> Offerings => _offerings;
        public List<(string Instant, string Catalog, string List)> Seen { get; } = [];

        public async Task StartAsync()
        {
            for (var i = 0; i < 3; i++) await CreateOfferingAsync();
            await (await test.Admin.PostJson("/product-catalogs", Samples.Catalog(Catalog, [.. _offerings.Take(2)], ["g-1"], isDefault: false)))
                .ShouldBe(HttpStatusCode.Created);
            await SeeAsync();
        }

        public async Task ApplyAsync(Step step)
        {
            test.Api.Clock.Offset += TimeSpan.FromMinutes(1);
            var offering = _offerings[step.Offering % _offerings.Count];
            var response = step.Kind switch
            {
                0 when _offerings.Count < 6 => (HttpResponseMessage?)null,
                0 or 1 => await test.Admin.PatchJson($"/product-offerings/{offering}", new { name = $"Plan {step.Value}" }),
                2 => await test.Admin.PatchJson($"/product-offerings/{offering}", new { price = new { grossPrice = 5 + step.Value } }),
                3 => await test.Admin.PostJson($"/product-offerings/{offering}/{(_archived.Contains(offering) ? "restore" : "archive")}", new { reason = "script" }),
                4 => await test.Admin.PatchJson($"/product-catalogs/{Catalog}",
                    new { productOfferingIds = _offerings.Where((_, i) => (step.Value >> i & 1) == 1).ToArray() }),
                _ => await test.Admin.PatchJson($"/product-catalogs/{Catalog}", new { name = $"Catalog {step.Value}" }),
            };
            if (response is null) await CreateOfferingAsync();
            else await response.ShouldBe(HttpStatusCode.OK);
            if (step.Kind == 3 && !_archived.Remove(offering)) _archived.Add(offering);
            await SeeAsync();
        }

        private async Task CreateOfferingAsync()
        {
            var id = $"{prefix}-o{_offerings.Count + 1}";
            await Samples.SeedOfferingAsync(test.Admin, id, productId: $"{prefix}-p{_offerings.Count + 1}", name: $"Plan {id}", gross: 10m + _offerings.Count);
            _offerings.Add(id);
        }

        private async Task SeeAsync() =>
            Seen.Add((test.Now(), await test.Text($"/product-catalogs/{Catalog}"), await test.Text($"/product-offerings?{ListQuery}")));
    }

    private string Now() => Api.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private async Task<string> Text(string path)
    {
        var response = await Admin.GetAsync(path);
        await response.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }
}
