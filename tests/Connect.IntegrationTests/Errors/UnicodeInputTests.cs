using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Errors;

/// <summary>Text that parses as JSON but is not Unicode (a lone surrogate) is a 400 on every create, and nothing is stored.</summary>
public sealed class UnicodeInputTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("metadata", "{\"region\":\"\\ud800\"}")]
    [InlineData("metadata", "{\"\\ud800\":1}")]
    [InlineData("metadata", "{\"a\":[{\"b\":\"x\\udc00\"}]}")]
    [InlineData("name", "\"\\ud800\"")]
    public async Task Given_a_lone_surrogate_in_a_catalog_or_offering_create_When_posted_Then_400_and_nothing_is_stored(string field, string value)
    {
        await Samples.SeedOfferingAsync(Admin, "o-1");
        var catalog = Body(Samples.Catalog("c-new", ["o-1"], ["g-1"]), field, value);
        await (await Admin.PostJson("/product-catalogs", catalog)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");
        var offering = Body(Samples.Offering("o-new", "p-1", "g-1"), field, value);
        await (await Admin.PostJson("/product-offerings", offering)).ShouldBeProblem(HttpStatusCode.BadRequest, "validation_failed");

        (await Admin.GetAsync("/product-catalogs/c-new")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Admin.GetAsync("/product-offerings/o-new")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        (await Admin.GetAsync("/product-catalogs")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await Admin.GetAsync("/product-offerings?status=ALL")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    /// <summary>The sample as JSON text with <paramref name="field"/> set to the raw JSON <paramref name="value"/>.</summary>
    private static string Body(object sample, string field, string value)
    {
        var body = System.Text.Json.JsonSerializer.SerializeToNode(sample)!.AsObject();
        body[field] = "@@value@@";
        return body.ToJsonString().Replace("\"@@value@@\"", value, StringComparison.Ordinal);
    }
}
