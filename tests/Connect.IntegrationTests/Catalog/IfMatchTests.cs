using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>Every PATCH honours If-Match like the offering's (spec §5): a stale or weak tag is 412, the current one passes.</summary>
public sealed class IfMatchTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/products/p-1", "networkProviderId")]
    [InlineData("/product-offering-groups/g-1", "description")]
    [InlineData("/product-offerings/o-1", "description")]
    [InlineData("/product-catalogs/c-1", "description")]
    public async Task Given_a_tag_from_before_a_change_When_patching_Then_412_and_with_the_current_tag_200(string path, string property)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        var stale = (await Admin.GetAsync(path)).Headers.ETag!.ToString();
        await (await Admin.PatchJson(path, $$"""{ "{{property}}": "first" }""")).ShouldBe(HttpStatusCode.OK);
        var patch = $$"""{ "{{property}}": "second" }""";

        await (await Admin.PatchJson(path, patch, stale)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var current = (await Admin.GetAsync(path)).Headers.ETag!.ToString();
        await (await Admin.PatchJson(path, patch, "W/" + current)).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        var patched = await Admin.PatchJson(path, patch, current);

        await patched.ShouldBe(HttpStatusCode.OK);
        patched.Headers.ETag!.ToString().Should().NotBe(current).And.Be((await Admin.GetAsync(path)).Headers.ETag!.ToString());
    }
}
