using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Features;
using Connect.Catalog.Json;
using Mapster;

namespace Connect.Catalog;

/// <summary>The module's one Mapster configuration: documents to responses, documents to writable forms.</summary>
internal static class CatalogMapping
{
    public static readonly TypeAdapterConfig Config = Create();

    private static TypeAdapterConfig Create()
    {
        var config = new TypeAdapterConfig { RequireExplicitMapping = true, RequireDestinationMemberSource = true };
        config.NewConfig<ProductFeatures, ProductFeatures>();
        config.NewConfig<BillingCycle, BillingCycle>();
        config.NewConfig<ProductDocument, Product>().Map(d => d.ProductId, s => s.Id)
            .Map(d => d.Requirements, s => CanonicalJson.Ordered(s.Requirements));
        config.NewConfig<ProductDocument, CreateProduct>().Map(d => d.ProductId, s => s.Id);
        config.NewConfig<OfferingGroupDocument, ProductOfferingGroup>().Map(d => d.ProductOfferingGroupId, s => s.Id);
        config.NewConfig<OfferingGroupDocument, CreateOfferingGroup>().Map(d => d.ProductOfferingGroupId, s => s.Id);
        config.NewConfig<StoredPrice, PriceInput>();
        config.NewConfig<OfferingDocument, CreateOffering>().Map(d => d.ProductOfferingId, s => s.Id).Ignore(d => d.ChangedBy!);
        config.NewConfig<CatalogDocument, CreateCatalog>()
            .Map(d => d.ProductCatalogId, s => s.Id)
            .Map(d => d.ExternalReference, s => s.ExternalReference);
        return config;
    }
}
