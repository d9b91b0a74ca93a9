using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// Every write honours RFC 9110's conditional headers the same way (spec §2): a failed condition is a 412,
/// a malformed one a 400, and either way nothing changes.
/// </summary>
public sealed class ConditionalWriteTests(ConnectApiFactory api) : ApiTest(api)
{
    public static TheoryData<string, string, string> Writes => new()
    {
        { "PATCH", "/products/p-1", """{ "networkProviderId": "changed" }""" },
        { "PATCH", "/product-offering-groups/g-1", """{ "description": "changed" }""" },
        { "PATCH", "/product-offerings/o-1", """{ "description": "changed" }""" },
        { "PATCH", "/product-catalogs/c-1", """{ "description": "changed" }""" },
        { "POST", "/product-offerings/o-1/archive", """{ "reason": "end of sale" }""" },
        { "POST", "/promo-codes/SAVE10/deactivate", """{ "reason": "over" }""" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Given_If_None_Match_star_or_the_current_tag_When_writing_Then_412_and_nothing_changes(string method, string path, string body)
    {
        await SeedAsync();
        var resource = ResourceOf(path);
        var before = await Admin.GetAsync(resource);
        var current = before.Headers.ETag!.ToString();

        foreach (var condition in new[] { "*", current, $"\"other\", {current}", "W/" + current })
            await (await SendAsync(method, path, body, ("If-None-Match", condition))).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");

        (await (await Admin.GetAsync(resource)).Content.ReadAsStringAsync()).Should().Be(await before.Content.ReadAsStringAsync());
        await (await SendAsync(method, path, body, ("If-None-Match", "\"some-other-version\""))).ShouldBe(HttpStatusCode.OK);
    }

    [Theory]
    [MemberData(nameof(Writes))]
    public async Task Given_a_malformed_condition_When_writing_Then_400_and_nothing_changes(string method, string path, string body)
    {
        await SeedAsync();
        var resource = ResourceOf(path);
        var before = await (await Admin.GetAsync(resource)).Content.ReadAsStringAsync();
        var current = (await Admin.GetAsync(resource)).Headers.ETag!.ToString();

        foreach (var (header, value) in new[] { ("If-Match", $"{current}, garbage"), ("If-Match", $"{current} \"x\""), ("If-Match", $"*, {current}"), ("If-None-Match", "no-quotes") })
        {
            var problem = await (await SendAsync(method, path, body, (header, value))).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
            problem.ErrorProperties().Should().Contain(header);
        }

        (await (await Admin.GetAsync(resource)).Content.ReadAsStringAsync()).Should().Be(before);
    }

    [Theory]
    [InlineData("/products", """{ "productId": "new", "internalName": "x", "type": "SUBSCRIPTION", "category": "SUBSCRIPTION_CELL" }""", "/products/new")]
    [InlineData("/product-offering-groups", """{ "productOfferingGroupId": "new", "name": "x" }""", "/product-offering-groups/new")]
    [InlineData("/promo-codes", """{ "code": "NEW10", "discountType": "PERCENTAGE", "value": 10, "appliesTo": {} }""", "/promo-codes/NEW10")]
    public async Task Given_If_Match_on_a_create_When_posted_Then_412_and_nothing_is_created(string path, string body, string created)
    {
        foreach (var condition in new[] { "*", "\"abc\"" })
            await (await SendAsync("POST", path, body, ("If-Match", condition))).ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");

        await (await Admin.GetAsync(created)).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await SendAsync("POST", path, body, ("If-None-Match", "*"))).ShouldBe(HttpStatusCode.Created);
    }

    [Fact]
    public async Task Given_the_current_tag_in_If_Match_When_archiving_and_restoring_Then_each_passes_and_a_stale_one_is_412()
    {
        await SeedAsync();
        var current = (await Admin.GetAsync("/product-offerings/o-1")).Headers.ETag!.ToString();
        var archived = await SendAsync("POST", "/product-offerings/o-1/archive", """{ "reason": "r" }""", ("If-Match", current));
        await archived.ShouldBe(HttpStatusCode.OK);

        await (await SendAsync("POST", "/product-offerings/o-1/restore", "{}", ("If-Match", current)))
            .ShouldBeProblem(HttpStatusCode.PreconditionFailed, "precondition_failed");
        await (await SendAsync("POST", "/product-offerings/o-1/restore", "{}", ("If-Match", archived.Headers.ETag!.ToString()))).ShouldBe(HttpStatusCode.OK);
    }

    private async Task SeedAsync()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
        await (await Admin.PostJson("/promo-codes", Samples.PromoCode("SAVE10"))).ShouldBe(HttpStatusCode.Created);
    }

    private static string ResourceOf(string path) =>
        path.EndsWith("/archive", StringComparison.Ordinal) || path.EndsWith("/deactivate", StringComparison.Ordinal) ? path[..path.LastIndexOf('/')] : path;

    private Task<HttpResponseMessage> SendAsync(string method, string path, string body, (string Name, string Value) header)
    {
        var request = HttpAssertions.Json(new HttpMethod(method), path, body);
        request.Headers.TryAddWithoutValidation(header.Name, header.Value);
        return Admin.SendAsync(request);
    }
}
