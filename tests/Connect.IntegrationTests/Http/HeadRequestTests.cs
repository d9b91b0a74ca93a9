using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Http;

/// <summary>HEAD answers like GET on every GET route: same status and headers, no body.</summary>
public sealed class HeadRequestTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/product-offerings")]
    [InlineData("/product-offerings/o-1")]
    [InlineData("/product-offerings/o-1/status-history")]
    [InlineData("/product-offerings/no-such-offering")]
    [InlineData("/product-catalogs/default")]
    [InlineData("/products/p-1")]
    [InlineData("/me")]
    [InlineData("/api-keys")]
    [InlineData("/promo-codes")]
    [InlineData("/health/live")]
    [InlineData("/openapi/v1.json")]
    public async Task Given_a_GET_route_When_asked_with_HEAD_Then_the_status_and_headers_match_and_there_is_no_body(string path)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]));

        var get = await Admin.GetAsync(path);
        var head = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));

        head.StatusCode.Should().Be(get.StatusCode).And.NotBe(HttpStatusCode.MethodNotAllowed);
        head.Content.Headers.ContentType?.MediaType.Should().Be(get.Content.Headers.ContentType?.MediaType);
        head.Headers.ETag.Should().Be(get.Headers.ETag);
        head.Headers.CacheControl.Should().Be(get.Headers.CacheControl);
        (await head.Content.ReadAsByteArrayAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task Given_a_POST_only_route_When_asked_with_HEAD_Then_405()
    {
        var head = await Admin.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/product-offerings/o-1/archive"));

        head.StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }
}
