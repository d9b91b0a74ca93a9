using System.Net;
using System.Text.Json.Nodes;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary>A catalog's diff between two instants turns the catalog as it was at the first into the catalog at the second.</summary>
public sealed class CatalogDiffTests(ConnectApiFactory api) : ApiTest(api)
{
    [Fact]
    public async Task Given_a_random_script_of_catalog_changes_When_diffs_between_any_two_instants_are_applied_Then_they_give_the_catalog_at_the_second()
    {
        var random = new Random(20261201);
        for (var i = 1; i <= 6; i++)
            await Samples.SeedOfferingAsync(Admin, $"o-{i}", productId: $"p-{i}", name: $"Plan {i}", gross: 10m + i);
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1", "o-2", "o-3", "o-4"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        var instants = new List<string> { Now() };
        for (var step = 1; step <= 14; step++)
        {
            Api.Clock.Offset = TimeSpan.FromMinutes(step);
            var offering = $"o-{random.Next(1, 7)}";
            var response = random.Next(5) switch
            {
                0 => await Admin.PatchJson($"/product-offerings/{offering}", $$"""{ "name": "Renamed {{step}}" }"""),
                1 => await Admin.PatchJson($"/product-offerings/{offering}", $$"""{ "price": { "grossPrice": {{20 + step}} } }"""),
                2 => await Admin.PostJson($"/product-offerings/{offering}/{((await Read($"/product-offerings/{offering}"))["status"]!.GetValue<string>() == "AVAILABLE" ? "archive" : "restore")}", new { reason = "script" }),
                3 => await Admin.PatchJson("/product-catalogs/c-1", new { productOfferingIds = Enumerable.Range(1, 6).Where(_ => random.Next(2) == 0).Select(n => $"o-{n}").ToArray() }),
                _ => await Admin.PatchJson("/product-catalogs/c-1", $$"""{ "name": "Catalog {{step}}" }"""),
            };
            await response.ShouldBe(HttpStatusCode.OK);
            instants.Add(Now());
        }

        for (var check = 0; check < 25; check++)
        {
            var (a, b) = (random.Next(instants.Count), random.Next(instants.Count));
            if (a > b) (a, b) = (b, a);
            var from = await Read($"/product-catalogs/c-1?asOf={instants[a]}");
            var to = await Read($"/product-catalogs/c-1?asOf={instants[b]}");
            var diff = await Read($"/product-catalogs/c-1/diff?from={instants[a]}&to={instants[b]}");

            Apply(from, diff).Should().BeEquivalentTo(Offerings(to), $"diff {a} → {b} applied to the catalog at {a} gives the catalog at {b}");
            foreach (var field in diff["catalogFields"]!.AsArray().Select(f => f!.GetValue<string>()))
                from[field] = to[field]?.DeepClone();
            from["productOfferings"] = to["productOfferings"]!.DeepClone();
            from.ToJsonString().Should().Be(to.ToJsonString());
        }
        (await Read($"/product-catalogs/c-1?asOf={Now()}")).ToJsonString().Should().Be((await Read("/product-catalogs/c-1")).ToJsonString());
    }

    [Fact]
    public async Task Given_from_after_to_or_missing_When_diffing_Then_400_and_an_unknown_catalog_404()
    {
        await (await Admin.GetAsync($"/product-catalogs/c-1/diff?from={Now()}")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        (await (await Admin.GetAsync("/product-catalogs/c-1/diff")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
            .ErrorProperties().Should().Contain("from");
        var later = Now();
        await Task.Delay(5);
        (await (await Admin.GetAsync($"/product-catalogs/c-1/diff?from={later}&to=2020-01-01T00:00:00Z")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed"))
            .ErrorProperties().Should().Contain("from");
    }

    private static Dictionary<string, string> Apply(JsonNode from, JsonNode diff)
    {
        var offerings = Offerings(from);
        foreach (var removed in diff["removed"]!.AsArray()) offerings.Remove(removed!["productOfferingId"]!.GetValue<string>());
        foreach (var changed in diff["changed"]!.AsArray()) offerings[changed!["productOfferingId"]!.GetValue<string>()] = changed["after"]!.ToJsonString();
        foreach (var added in diff["added"]!.AsArray()) offerings[added!["productOfferingId"]!.GetValue<string>()] = added.ToJsonString();
        return offerings;
    }

    private static Dictionary<string, string> Offerings(JsonNode catalog) =>
        catalog["productOfferings"]!.AsArray().ToDictionary(o => o!["productOfferingId"]!.GetValue<string>(), o => o!.ToJsonString());

    private string Now() => Api.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");

    private async Task<JsonNode> Read(string path) => await (await Admin.GetAsync(path)).ShouldBe(HttpStatusCode.OK);
}
