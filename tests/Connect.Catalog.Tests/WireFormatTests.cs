using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Json;
using Connect.SharedKernel;

namespace Connect.Catalog.Tests;

public sealed class WireFormatTests
{
    private static readonly JsonSerializerOptions Options = CreateOptions();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = ConnectJson.Create();
        options.Converters.Insert(0, new ProductCategoryJsonConverter());
        return options;
    }

    [Theory]
    [InlineData("\"SUBSCRIPTION_CELL\"")]
    [InlineData("\"PRODUCT_CATEGORY_SUBSCRIPTION_CELL\"")]
    public void Given_either_category_form_When_read_Then_the_short_form_is_written(string json)
    {
        var category = JsonSerializer.Deserialize<ProductCategory>(json, Options);
        JsonSerializer.Serialize(category, Options).Should().Be("\"SUBSCRIPTION_CELL\"");
    }

    [Theory]
    [InlineData("\"subscription_cell\"")]
    [InlineData("\"PRODUCT_CATEGORY_\"")]
    [InlineData("1")]
    public void Given_a_category_that_is_not_a_wire_name_When_read_Then_rejected(string json)
    {
        var act = () => JsonSerializer.Deserialize<ProductCategory>(json, Options);
        act.Should().Throw<JsonException>();
    }

    [Fact]
    public void Given_a_catalog_When_written_Then_the_two_published_odd_names_are_kept()
    {
        var catalog = new ProductCatalog
        {
            ProductCatalogId = "c", Name = "n", ExternalReference = "x", CreatedAt = DateTimeOffset.UnixEpoch, UpdatedAt = DateTimeOffset.UnixEpoch,
            CustomerType = SharedKernel.Domain.CustomerType.Consumer,
        };
        var json = JsonNode.Parse(JsonSerializer.Serialize(catalog, Options))!.AsObject();
        json.Select(p => p.Key).Should().Contain(["external_reference", "ProductOfferingGroups"]);
        json["createdAt"]!.GetValue<string>().Should().Be("1970-01-01T00:00:00Z");
    }

    [Fact]
    public void Given_documents_with_every_field_set_When_mapped_Then_every_field_of_the_form_and_the_answer_is_filled()
    {
        var features = new ProductFeatures { DataMb = 1 };
        var metadata = new Dictionary<string, JsonElement> { ["k"] = JsonDocument.Parse("1").RootElement };
        var product = new ProductDocument
        {
            Id = "p", InternalName = "n", NetworkProviderId = "np", Features = features, Requirements = new() { ["msisdn"] = RequirementLevel.Required },
        };
        var group = new OfferingGroupDocument { Id = "g", Name = "n", Category = ProductCategory.ExtraData, Description = "d", InternalDescription = "i" };
        var offering = new OfferingDocument
        {
            Id = "o", Name = "n", ProductId = "p", ProductOfferingGroupId = "g", Description = "d", RichContent = "r", InternalDescription = "i",
            ImageUrl = "https://example.com/i.png", Metadata = metadata, AddonCategories = [ProductCategory.ExtraData],
            Price = new StoredPrice { Currency = "USD", GrossPrice = 1, BoundMonths = 12, BillingCycle = new BillingCycle(BillingPeriod.Monthly, 1) },
        };
        var catalog = new CatalogDocument
        {
            Id = "c", Name = "n", ExternalReference = "x", Description = "d", Locale = "en-US", Metadata = metadata,
            ProductOfferingIds = ["o"], ProductOfferingGroupIds = ["g"],
        };

        NullProperties(product.ToForm()).Should().BeEmpty();
        NullProperties(product.ToResponse()).Should().BeEmpty();
        NullProperties(group.ToForm()).Should().BeEmpty();
        NullProperties(group.ToResponse()).Should().BeEmpty();
        NullProperties(offering.ToForm()).Should().Equal("ChangedBy"); // set by the endpoint, never from the document
        NullProperties(offering.ToForm().Price!).Should().BeEmpty();
        NullProperties(catalog.ToForm()).Should().BeEmpty();
    }

    private static List<string> NullProperties(object value) =>
        value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0 && p.GetValue(value) is null).Select(p => p.Name).ToList();

    [Fact]
    public async Task Given_an_in_process_patch_with_a_property_twice_When_merged_Then_a_validation_failure_not_a_crash()
    {
        var patch = JsonNode.Parse("""{ "productId": "p", "productId": "p" }""")!.AsObject();
        var act = () => MergePatcher.ApplyAsync(new Features.CreateProduct { ProductId = "p" }, patch, "productId", "p",
            Options, new Features.CreateProductValidator(), CancellationToken.None);
        await act.Should().ThrowAsync<SharedKernel.Errors.ValidationFailedException>();
    }

    [Fact]
    public void Given_a_merge_patch_When_applied_Then_objects_merge_null_removes_and_values_replace()
    {
        var target = JsonNode.Parse("""{ "a": 1, "b": { "c": 2, "d": 3 }, "e": [1] }""");
        var patch = JsonNode.Parse("""{ "a": null, "b": { "c": 5 }, "e": [2], "f": "new" }""");
        JsonMergePatch.Apply(target, patch)!.ToJsonString().Should().Be("""{"b":{"c":5,"d":3},"e":[2],"f":"new"}""");
    }
}
