using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Http;

/// <summary>Bodies are JSON in UTF-8; any other media type or charset is a 415 problem, never a 500.</summary>
public sealed class MediaTypeTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string Product = """{ "productId": "p-9", "internalName": "p", "type": "SUBSCRIPTION", "category": "LICENSE" }""";

    [Theory]
    [InlineData("application/json; charset=utf8")]
    [InlineData("application/json; charset=utf-7")]
    [InlineData("application/json; charset=\"\"")]
    [InlineData("application/json; charset=iso-8859-1")]
    [InlineData("application/json; charset=utf-8; charset=utf-8")]
    [InlineData("text/plain")]
    [InlineData("application/merge-patch+json")]
    [InlineData("application/x-www-form-urlencoded")]
    public async Task Given_a_body_in_an_unsupported_media_type_or_charset_When_posted_Then_415_problem(string contentType)
    {
        var response = await Admin.SendAsync(Raw(HttpMethod.Post, "/products", Product, contentType));

        await response.ShouldBeProblem(HttpStatusCode.UnsupportedMediaType, "unsupported_media_type");
        Api.Logs.Lines.Should().NotContain(l => l.Contains("Unhandled error"));
    }

    [Theory]
    [InlineData("application/json")]
    [InlineData("application/json; charset=utf-8")]
    [InlineData("application/json; charset=UTF-8")]
    [InlineData("application/json; charset=\"utf-8\"")]
    [InlineData("APPLICATION/JSON; Charset=Utf-8")]
    public async Task Given_JSON_in_UTF_8_spelled_any_valid_way_When_posted_Then_it_is_created(string contentType)
    {
        await (await Admin.SendAsync(Raw(HttpMethod.Post, "/products", Product, contentType))).ShouldBe(HttpStatusCode.Created);
    }

    [Theory]
    [InlineData("application/merge-patch+json", HttpStatusCode.OK)]
    [InlineData("application/merge-patch+json; charset=\"utf-8\"", HttpStatusCode.OK)]
    [InlineData("application/json", HttpStatusCode.OK)]
    [InlineData("application/json-patch+json", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("application/merge-patch+json; charset=utf-16", HttpStatusCode.UnsupportedMediaType)]
    public async Task Given_a_PATCH_body_When_sent_Then_only_merge_patch_and_plain_JSON_are_taken(string contentType, HttpStatusCode expected)
    {
        await Admin.SendAsync(Raw(HttpMethod.Post, "/products", Product, "application/json"));

        var response = await Admin.SendAsync(Raw(HttpMethod.Patch, "/products/p-9", """{ "internalName": "renamed" }""", contentType));

        if (expected == HttpStatusCode.OK) await response.ShouldBe(HttpStatusCode.OK);
        else await response.ShouldBeProblem(expected, "unsupported_media_type");
    }

    [Fact]
    public async Task Given_an_archive_without_a_body_When_sent_Then_no_media_type_is_asked_for()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");

        await (await Admin.PostAsync("/product-offerings/o-1/restore", null)).ShouldBeProblem(HttpStatusCode.Conflict, "conflict");
    }

    private static HttpRequestMessage Raw(HttpMethod method, string url, string body, string contentType)
    {
        var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        return new HttpRequestMessage(method, url) { Content = content };
    }
}
