using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Catalog;

/// <summary>
/// The ETag a write answers is the next GET's (spec §2): object keys and numbers are written one way whether
/// they come from the request or from storage, which reorders keys and normalises numbers.
/// </summary>
public sealed class CanonicalRepresentationTests(ConnectApiFactory api) : ApiTest(api)
{
    private const string Requirements = """{ "subscriber.address": "REQUIRED", "id": "VERIFIED", "b": "OPTIONAL", "aa": "OPTIONAL" }""";
    private const string Metadata = """{ "zeta": 1, "b": { "yy": 1.50, "x": 1e2, "neg": -0, "list": [3, 1.0, { "q": 2, "p": 0.10 }] }, "a": "text", "long key": null }""";

    [Fact]
    public async Task Given_a_product_created_with_requirements_in_any_key_order_When_read_back_Then_the_ETag_is_the_creates_and_a_PATCH_with_it_passes()
    {
        var created = await Admin.PostJson("/products",
            $$"""{ "productId": "p-1", "internalName": "x", "type": "SUBSCRIPTION", "category": "SUBSCRIPTION_CELL", "requirements": {{Requirements}} }""");
        await created.ShouldBe(HttpStatusCode.Created);

        await ShouldReadAsWrittenAsync(created, "/products/p-1");
        var patched = await Admin.PatchJson("/products/p-1", $$"""{ "requirements": {{Requirements}}, "networkProviderId": "n" }""", created.Headers.ETag!.ToString());
        await patched.ShouldBe(HttpStatusCode.OK);
        await ShouldReadAsWrittenAsync(patched, "/products/p-1");
    }

    [Fact]
    public async Task Given_an_offering_with_metadata_in_any_key_order_and_number_form_When_read_back_Then_the_ETag_is_the_writes()
    {
        await Samples.SeedOfferingAsync(Admin, "o-0");
        var created = await Admin.PostJson("/product-offerings",
            $$"""{ "productOfferingId": "o-1", "name": "n", "productId": "p-1", "customerType": "CONSUMER", "price": { "currency": "USD", "priceType": "ONE_TIME", "grossPrice": 10.50, "discount": 1.0, "taxIncluded": true }, "metadata": {{Metadata}} }""");
        await created.ShouldBe(HttpStatusCode.Created);
        await ShouldReadAsWrittenAsync(created, "/product-offerings/o-1");

        var patched = await Admin.PatchJson("/product-offerings/o-1", $$"""{ "metadata": {{Metadata}} }""", created.Headers.ETag!.ToString());
        await patched.ShouldBe(HttpStatusCode.OK);
        await ShouldReadAsWrittenAsync(patched, "/product-offerings/o-1");
        var body = await (await Admin.GetAsync("/product-offerings/o-1")).ShouldBe(HttpStatusCode.OK);
        // A merge patch removes what it sets to null, so "long key" is gone.
        body["metadata"]!.ToJsonString().Should().Be(
            """{"a":"text","b":{"list":[3,1,{"p":0.1,"q":2}],"neg":0,"x":100,"yy":1.5},"zeta":1}""");
    }

    [Fact]
    public async Task Given_a_catalog_with_metadata_When_read_back_Then_the_ETag_is_the_writes()
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var created = await Admin.PostJson("/product-catalogs",
            $$"""{ "productCatalogId": "c-1", "name": "c", "customerType": "CONSUMER", "isDefault": false, "productOfferingIds": ["o-1"], "productOfferingGroupIds": ["g-1"], "metadata": {{Metadata}} }""");
        await created.ShouldBe(HttpStatusCode.Created);
        await ShouldReadAsWrittenAsync(created, "/product-catalogs/c-1");

        var patched = await Admin.PatchJson("/product-catalogs/c-1", $$"""{ "metadata": {{Metadata}}, "name": "d" }""", created.Headers.ETag!.ToString());
        await patched.ShouldBe(HttpStatusCode.OK);
        await ShouldReadAsWrittenAsync(patched, "/product-catalogs/c-1");
    }

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("123456789012345678901234567890123")]
    public async Task Given_a_metadata_number_beyond_what_can_be_written_back_When_stored_Then_400_and_nothing_changes(string number)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var before = await (await Admin.GetAsync("/product-offerings/o-1")).Content.ReadAsStringAsync();

        var problem = await (await Admin.PatchJson("/product-offerings/o-1", $$"""{ "metadata": { "n": [{{number}}] } }"""))
            .ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        problem.ErrorProperties().Should().Contain("metadata");
        (await (await Admin.GetAsync("/product-offerings/o-1")).Content.ReadAsStringAsync()).Should().Be(before);
    }

    private async Task ShouldReadAsWrittenAsync(HttpResponseMessage write, string path)
    {
        var read = await Admin.GetAsync(path);
        await read.ShouldBe(HttpStatusCode.OK);
        (await read.Content.ReadAsStringAsync()).Should().Be(await write.Content.ReadAsStringAsync());
        read.Headers.ETag!.ToString().Should().Be(write.Headers.ETag!.ToString());
    }
}
