using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.TimeTravel;

/// <summary>The diff's instants and catalog are checked (that it applies is proved by <see cref="TimeTravelPropertyTests"/>).</summary>
public sealed class CatalogDiffTests(ConnectApiFactory api) : ApiTest(api)
{
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

    private string Now() => Api.Clock.GetUtcNow().ToString("yyyy-MM-ddTHH:mm:ss.fffZ");
}
