using Connect.IntegrationTests.Infrastructure;
using Connect.IntegrationTests.Reliability.Damage;
using CsCheck;
using Xunit.Abstractions;

namespace Connect.IntegrationTests.Reliability;

/// <summary>
/// Property-based hostile writes to existing resources (CsCheck generates and shrinks them), each followed by
/// checks of the damage: no 5xx, problems for every 4xx, everything still readable, a refused request changed
/// nothing, an accepted write answered what the next read answers. CI runs a fixed seed; <c>FUZZ_SEED</c> (a
/// number, or a CsCheck seed that a failure printed) and <c>FUZZ_COUNT</c> run others or longer; a failure names the seed that replays it.
/// </summary>
public sealed class DamageFuzzTests(ConnectApiFactory api, ITestOutputHelper output) : ApiTest(api)
{
    private const string CiSeed = "20261124";
    private const int CiCount = 1000;
    private const int ShrinkIterations = 150;

    [Fact]
    public async Task Given_hostile_writes_to_existing_resources_Then_nothing_is_damaged_and_every_answer_matches_the_next_read()
    {
        var seed = Environment.GetEnvironmentVariable("FUZZ_SEED") is { Length: > 0 } given ? given : CiSeed;
        var count = int.TryParse(Environment.GetEnvironmentVariable("FUZZ_COUNT"), out var n) && n > 0 ? n : CiCount;
        await FuzzWorld.SeedAsync(Admin);
        var check = new DamageCheck(Admin, Api.ReactionsCaughtUpAsync);
        var failures = new List<string>();
        // A number starts a stream of its own; a CsCheck seed (as a failure prints) replays from that request on.
        var pcg = ulong.TryParse(seed, out var number) ? new PCG((uint)number, number) : PCG.Parse(seed);
        for (var i = 0; i < count && failures.Count < 3; i++)
        {
            var state = pcg.State;
            var request = FuzzRequests.All.Generate(pcg, null, out _);
            try
            {
                await check.RunAsync(request);
                if (i % 50 == 49) await check.SweepAsync();
            }
            catch (DamageException broken)
            {
                failures.Add(await DescribeAsync(i, pcg.ToString(state), request, broken, check));
            }
        }
        if (failures.Count == 0) await check.SweepAsync();

        output.WriteLine($"damage fuzz: {check.Requests} requests, {check.Checks} invariant checks, {failures.Count} failures (seed {seed})");
        output.WriteLine($"statuses: {string.Join(", ", check.Statuses.Select(s => $"{s.Key} × {s.Value}"))}");
        foreach (var failure in failures) output.WriteLine(failure);
        failures.Should().BeEmpty();
    }

    /// <summary>The failure, and CsCheck's shrink of it: the simplest request found that still breaks an invariant.</summary>
    private static async Task<string> DescribeAsync(int index, string requestSeed, FuzzRequest request, DamageException broken, DamageCheck check)
    {
        string shrunk;
        try
        {
            await FuzzRequests.All.SampleAsync(check.RunAsync, seed: requestSeed, iter: ShrinkIterations, threads: 1, print: r => r.ToString());
            shrunk = "(it passed when sent again: it depends on what earlier requests did; replay the run)";
        }
        catch (CsCheckException shrinking)
        {
            shrunk = shrinking.Message;
        }
        return $"request {index} (replay alone: FUZZ_SEED={requestSeed} FUZZ_COUNT=1): {request}\n  broke: {broken.Message}\n  shrunk: {shrunk}";
    }
}
