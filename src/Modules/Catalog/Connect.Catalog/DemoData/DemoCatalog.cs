using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Features;
using Connect.SharedKernel.Domain;
using Marten;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.DemoData;

/// <summary>
/// Loads the demo catalog of spec §6 ("US Consumer Catalog" with "Seamless 10GB" and its siblings)
/// through the same commands an operator sends, once: a database that already has it is left alone.
/// </summary>
internal sealed class DemoCatalog(IServiceScopeFactory scopes, ILogger<DemoCatalog> logger) : IHostedService
{
    public const string ConfigurationKey = "Connect:DemoData";
    public const string ConsumerCatalogId = "us-consumer";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var session = scope.ServiceProvider.GetRequiredService<IQuerySession>();
        if (await session.LoadAsync<CatalogDocument>(ConsumerCatalogId, cancellationToken) is not null)
            return;
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        foreach (var command in DemoCommands.All())
        {
            switch (command)
            {
                case CreateProduct c: await sender.Send(c, cancellationToken); break;
                case CreateOfferingGroup c: await sender.Send(c, cancellationToken); break;
                case CreateOffering c: await sender.Send(c, cancellationToken); break;
                case CreateCatalog c: await sender.Send(c, cancellationToken); break;
            }
        }
        logger.LogInformation("Loaded the demo catalog {CatalogId}", ConsumerCatalogId);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>The demo data as commands, so it is validated like any operator's input.</summary>
internal static class DemoCommands
{
    public static IEnumerable<object> All()
    {
        yield return new CreateOfferingGroup { ProductOfferingGroupId = "mobile-plans", Name = "Mobile plans", Category = ProductCategory.SubscriptionCell, Description = "Monthly plans with calls, texts and data." };
        yield return new CreateOfferingGroup { ProductOfferingGroupId = "data-addons", Name = "Data add-ons", Category = ProductCategory.ExtraData, Description = "More data for an existing plan." };
        yield return new CreateOfferingGroup { ProductOfferingGroupId = "travel", Name = "Travel eSIMs", Category = ProductCategory.TravelEsim, Description = "Data abroad without roaming charges." };

        foreach (var (id, dataMb, calls, sms) in new[] { ("seamless-5gb", 1024L, 500L, 250L), ("seamless-10gb", 2048L, 1000L, 500L), ("seamless-20gb", 4096L, 2000L, 1000L) })
            yield return Plan(id, dataMb, calls, sms);
        yield return new CreateProduct { ProductId = "extra-data-5gb", InternalName = "extra_data_5gb", Type = ProductType.SubscriptionAddon, Category = ProductCategory.ExtraData, Features = new ProductFeatures { DataMb = 5120, ValidityDays = 30, ActivationType = ActivationType.Instant } };
        yield return new CreateProduct { ProductId = "travel-eu-10gb", InternalName = "travel_eu_10gb", Type = ProductType.Subscription, Category = ProductCategory.TravelEsim, Features = new ProductFeatures { DataMb = 10240, ValidityDays = 30, Regions = ["EU"], Countries = ["FR", "DE", "ES", "IT"], ActivationType = ActivationType.FirstUse } };
        yield return new CreateProduct { ProductId = "business-unlimited", InternalName = "business_unlimited", Type = ProductType.Subscription, Category = ProductCategory.SubscriptionCell, Features = new ProductFeatures { DataMb = 102400, IncludedCallSeconds = 360000, IncludedSms = 10000 } };

        // The published example: gross 10, discount 5, net 5 USD, ONE_TIME, 12 months, MONTHLY/1.
        yield return Offering("seamless-10gb", "Seamless 10GB", "seamless-10gb", "mobile-plans", 10m, 5m, PriceType.OneTime, 12, "Our most popular plan.");
        yield return Offering("seamless-5gb", "Seamless 5GB", "seamless-5gb", "mobile-plans", 7m, 0m, PriceType.Recurring, 12, "Everything you need, for less.");
        yield return Offering("seamless-20gb", "Seamless 20GB", "seamless-20gb", "mobile-plans", 15m, 2.5m, PriceType.Recurring, 12, "For heavy streamers.");
        yield return Offering("extra-data-5gb", "Extra Data 5GB", "extra-data-5gb", "data-addons", 4.99m, 0m, PriceType.OneTime, null, "A one-off 5GB boost.");
        yield return Offering("travel-eu-10gb", "Travel Europe 10GB", "travel-eu-10gb", "travel", 19.99m, 0m, PriceType.OneTime, null, "10GB across the EU for 30 days.");
        yield return Offering("business-unlimited", "Business Unlimited", "business-unlimited", "mobile-plans", 45m, 0m, PriceType.Recurring, 24, "Unlimited for teams.", CustomerType.Business);

        yield return new CreateCatalog
        {
            ProductCatalogId = DemoCatalog.ConsumerCatalogId, Name = "US Consumer Catalog", ExternalReference = "us-consumer-2024",
            Description = "Plans and add-ons for consumers in the United States.", CustomerType = CustomerType.Consumer,
            Locale = "en-US", IsDefault = true,
            ProductOfferingIds = ["seamless-5gb", "seamless-10gb", "seamless-20gb", "extra-data-5gb", "travel-eu-10gb"],
            ProductOfferingGroupIds = ["mobile-plans", "data-addons", "travel"],
        };
        yield return new CreateCatalog
        {
            ProductCatalogId = "us-business", Name = "US Business Catalog", CustomerType = CustomerType.Business,
            Locale = "en-US", IsDefault = true, ProductOfferingIds = ["business-unlimited"], ProductOfferingGroupIds = ["mobile-plans"],
        };
    }

    private static CreateProduct Plan(string id, long dataMb, long calls, long sms) => new()
    {
        ProductId = id, InternalName = id.Replace('-', '_'), Type = ProductType.Subscription, Category = ProductCategory.SubscriptionCell,
        NetworkProviderId = "demo-network",
        Features = new ProductFeatures { DataMb = dataMb, IncludedCallSeconds = calls, IncludedSms = sms, Countries = ["US"], ActivationType = ActivationType.Instant },
        Requirements = new() { ["subscriber.address"] = RequirementLevel.Verified },
    };

    private static CreateOffering Offering(string id, string name, string productId, string groupId, decimal gross, decimal discount,
        PriceType priceType, int? boundMonths, string description, CustomerType customerType = CustomerType.Consumer) => new()
    {
        ProductOfferingId = id, Name = name, ProductId = productId, ProductOfferingGroupId = groupId, CustomerType = customerType,
        Description = description,
        Price = new PriceInput
        {
            Currency = "USD", PriceType = priceType, GrossPrice = gross, Discount = discount, BoundMonths = boundMonths,
            BillingCycle = new BillingCycle(BillingPeriod.Monthly, 1), TaxIncluded = true,
        },
    };
}
