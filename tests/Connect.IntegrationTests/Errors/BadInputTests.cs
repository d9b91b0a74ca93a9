using System.Net;
using System.Text;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Errors;

public sealed class BadInputTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2, 3]")]
    [InlineData("\"a string\"")]
    [InlineData("")]
    public async Task Given_a_body_that_is_not_a_json_object_When_posted_Then_400_problem(string body)
    {
        foreach (var path in new[] { "/products", "/product-offering-groups", "/product-offerings", "/product-catalogs" })
            await (await Admin.PostJson(path, body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_patch_body_that_is_not_an_object_When_sent_Then_400_problem()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PatchJson("/product-offerings/o-1", "[]")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        await (await Admin.PatchJson("/product-offerings/o-1", "{")).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Theory]
    [InlineData("{\"name\":\"\\ud800\"}")]
    [InlineData("{\"\\udfff\":1}")]
    [InlineData("{\"metadata\":{\"a\":[\"\\ud800x\"]}}")]
    public async Task Given_a_patch_with_a_lone_surrogate_When_sent_Then_400_not_500(string body)
    {
        // A lone surrogate is valid JSON but not a .NET string.
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PatchJson("/product-offerings/o-1", body)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var invalidUtf8 = new ByteArrayContent([(byte)'{', (byte)'"', 0xC3, 0x28, (byte)'"', (byte)':', (byte)'1', (byte)'}']);
        invalidUtf8.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        await (await Admin.PatchAsync("/product-offerings/o-1", invalidUtf8)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_a_body_in_another_media_type_When_posted_Then_415_problem()
    {
        var response = await Admin.PostAsync("/products", new StringContent("<product/>", Encoding.UTF8, "application/xml"));
        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
    }

    [Fact]
    public async Task Given_JSON_nested_deeper_than_allowed_When_posted_Then_400_problem()
    {
        var deep = "{\"metadata\":" + string.Concat(Enumerable.Repeat("{\"a\":", 100)) + "1" + new string('}', 100) + "}";
        await (await Admin.PostJson("/product-offerings", deep)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
    }

    [Fact]
    public async Task Given_an_unknown_path_or_method_When_called_Then_a_problem_too()
    {
        await (await Admin.GetAsync("/no-such-thing")).ShouldBeProblem(HttpStatusCode.NotFound, "not_found");
        await (await Admin.DeleteAsync("/products/p-1")).ShouldBeProblem(HttpStatusCode.MethodNotAllowed, "method_not_allowed");
    }
}
