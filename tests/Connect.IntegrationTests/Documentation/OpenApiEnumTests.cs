using System.Net;
using Connect.IntegrationTests.Infrastructure;

namespace Connect.IntegrationTests.Documentation;

/// <summary>A client generated from the OpenAPI document knows every enum's wire names.</summary>
public sealed class OpenApiEnumTests(ConnectApiFactory api) : ApiTest(api)
{
    [Theory]
    [InlineData("ProductType", "SUBSCRIPTION", "EXTERNAL_PRODUCT")]
    [InlineData("ProductCategory", "SUBSCRIPTION_CELL", "EXTERNAL")]
    [InlineData("CustomerType", "CONSUMER", "BUSINESS")]
    [InlineData("DiscountType", "PERCENTAGE", "AMOUNT")]
    [InlineData("ActivationType", "INSTANT", "FIRST_USE")]
    public async Task Given_the_OpenAPI_document_When_read_Then_each_enum_is_a_string_with_its_wire_names(string schema, string first, string last)
    {
        var document = await (await Api.Client(null).GetAsync("/openapi/v1.json")).ShouldBe(HttpStatusCode.OK);

        var enumSchema = document["components"]!["schemas"]![schema]!;
        enumSchema["type"]!.ToString().Should().Contain("string");
        enumSchema["enum"]!.AsArray().Select(v => v!.GetValue<string>()).Should().Contain([first, last]).And.OnlyHaveUniqueItems();
    }
}
