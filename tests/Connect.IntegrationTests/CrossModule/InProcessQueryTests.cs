using Connect.Catalog.Contracts;
using Connect.IntegrationTests.Infrastructure;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using Mediator;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.IntegrationTests.CrossModule;

/// <summary>
/// Another module (or a job) reads the catalog through Connect.Catalog.Contracts and the mediator only,
/// with the same validation as HTTP callers.
/// </summary>
public sealed class InProcessQueryTests(ConnectApiFactory api) : ApiTest(api)
{
    private async Task<T> SendAsync<T>(IQuery<T> query)
    {
        await using var scope = Api.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    [Fact]
    public async Task Given_offerings_and_a_default_catalog_When_queried_in_process_Then_the_same_data_as_over_HTTP()
    {
        await Samples.SeedOfferingAsync(Admin, "seamless-10gb");
        await Samples.SeedOfferingAsync(Admin, "addon", productId: "p-2", type: "SUBSCRIPTION_ADDON", category: "EXTRA_DATA", name: "Extra");
        await Admin.PostJson("/product-catalogs", Samples.Catalog("us", ["seamless-10gb", "addon"], ["g-1"]));

        var offering = await SendAsync(new GetProductOffering("seamless-10gb"));
        offering!.Price.NetPrice.Should().Be(5m);
        offering.Product!.Category.Should().Be(ProductCategory.SubscriptionCell);

        var page = await SendAsync(new ListProductOfferings { Types = [ProductType.SubscriptionAddon], CustomerType = CustomerType.Consumer });
        page.Items.Select(o => o.ProductOfferingId).Should().Equal("addon");
        page.Total.Should().Be(1);

        var catalog = await SendAsync(new GetDefaultProductCatalog(CustomerType.Consumer, "en-US"));
        catalog!.ProductCatalogId.Should().Be("us");
        catalog.ProductOfferings!.Should().HaveCount(2);

        (await SendAsync(new GetProductOffering("missing"))).Should().BeNull();
    }

    [Fact]
    public async Task Given_an_invalid_query_When_sent_in_process_Then_the_validator_rejects_it()
    {
        var act = () => SendAsync(new ListProductOfferings { Limit = 0 });
        (await act.Should().ThrowAsync<ValidationFailedException>()).Which.Errors.Select(e => e.Property).Should().Contain("limit");
    }
}
