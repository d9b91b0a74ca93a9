using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Http;

/// <summary>Answers behind a key are private to its holder and vary by what they depend on, so no shared cache mixes callers.</summary>
public sealed class CacheHeaderTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("/me")]
    [InlineData("/api-keys")]
    [InlineData("/api-keys/bootstrap")]
    [InlineData("/product-offerings")]
    [InlineData("/product-offerings/o-1")]
    [InlineData("/product-catalogs/c-1")]
    [InlineData("/product-offering-groups")]
    [InlineData("/promo-codes")]
    [InlineData("/product-offerings/no-such-offering")]
    public async Task Given_a_key_gated_read_When_answered_Then_it_is_private_and_varies_by_key(string path)
    {
        await SeedCatalogAsync();

        var response = await Admin.GetAsync(path);

        response.Headers.CacheControl!.Private.Should().BeTrue();
        response.Headers.Vary.Should().Contain("X-Api-Key");
    }

    [Fact]
    public async Task Given_the_default_catalog_When_read_Then_it_varies_by_key_and_Accept_Language()
    {
        await SeedCatalogAsync();

        var response = await Admin.GetAsync("/product-catalogs/default");

        await response.ShouldBe(HttpStatusCode.OK);
        response.Headers.CacheControl!.Private.Should().BeTrue();
        response.Headers.Vary.Should().Contain(["X-Api-Key", "Accept-Language"]);
    }

    [Fact]
    public async Task Given_a_new_key_When_created_Then_the_answer_is_never_stored()
    {
        var response = await Admin.PostJson("/api-keys", new { name = "shop", scopes = new[] { "catalog:read" }, customerType = "CONSUMER", locale = "en-US" });

        await response.ShouldBe(HttpStatusCode.Created);
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.CacheControl.Private.Should().BeFalse();
    }

    [Fact]
    public async Task Given_an_open_endpoint_When_read_Then_it_is_not_marked_private()
    {
        var response = await Api.CreateClient().GetAsync("/health/live");

        (response.Headers.CacheControl?.Private ?? false).Should().BeFalse();
        response.Headers.Vary.Should().NotContain("X-Api-Key");
    }

    private async Task SeedCatalogAsync()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        await (await Admin.PostJson("/product-catalogs", Samples.Catalog("c-1", ["o-1"], ["g-1"]))).ShouldBe(HttpStatusCode.Created);
    }
}
