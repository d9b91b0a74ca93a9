using Connect.Catalog.Contracts;
using Connect.Catalog.DemoData;
using Connect.Catalog.Domain;
using Connect.Catalog.Projections;
using Connect.Catalog.Reading;
using FluentValidation;
using JasperFx.Events.Projections;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Catalog;

/// <summary>The Catalog module's door: registration and endpoint mapping, nothing else is public.</summary>
public static class CatalogModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "catalog";

    /// <summary>The module's meter (OpenTelemetry metrics).</summary>
    public const string MeterName = "Connect.Catalog";

    public static IServiceCollection AddCatalogModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ProductDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            options.Schema.For<OfferingGroupDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true);
            options.Schema.For<OfferingDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Index(o => o.ProductId).Index(o => o.Name);
            options.Schema.For<Features.ScheduledChanges.ScheduledChangeDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Index(c => c.EffectiveAt);
            options.Schema.For<CatalogDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .UniqueIndex(c => c.DefaultKey!);

            // Explicit names, so renaming an event class never orphans the events already stored.
            options.Events.MapEventType<Domain.ProductOfferingCreated>("product_offering_created");
            options.Events.MapEventType<Domain.ProductOfferingArchived>("product_offering_archived");
            options.Events.MapEventType<Domain.ProductOfferingRestored>("product_offering_restored");
            options.Projections.Add(new OfferingStatusProjection(), ProjectionLifecycle.Inline);
        });
        // Reads are answered from memory, which follows the change log: every committed change, here and on other nodes.
        services.AddSingleton<CatalogChanges>();
        services.ConfigureMarten((provider, options) => options.Listeners.Add(
            new CatalogChangeTracker(provider.GetRequiredService<CatalogChanges>(), provider.GetRequiredService<CatalogReadModel>)));
        services.AddSingleton<CatalogSource>();
        services.AddSingleton<CatalogStep>();
        services.AddSingleton<CatalogMetrics>();
        services.AddHostedService<CatalogChangeListener>();
        services.AddSingleton<CatalogReadModel>();
        services.AddScoped<CatalogReader>();
        services.AddValidatorsFromAssembly(typeof(CatalogModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        services.AddScoped<OfferingAssembler>();
        services.AddScoped<ChangeLog.CatalogChangeLog>();
        services.AddScoped<Features.ReadAsOf.CatalogAsOf>();
        services.AddScoped<Features.ReadAsOf.OfferingListAsOf>();
        services.AddHostedService<Features.ScheduledChanges.ScheduledChangeRunner>();
        services.AddScoped<Connect.SharedKernel.ChangeLog.IChangeLogBackfill, ChangeLog.CatalogBackfill>();
        services.AddScoped<CatalogAssembler>();
        services.AddScoped<Features.DocumentPatcher>();
        services.AddScoped<Features.OfferingStatusChanger>();
        // Categories are written short and read in both forms (spec §4); other enums use their wire names.
        services.Configure<JsonOptions>(o => o.SerializerOptions.Converters.Insert(0, new ProductCategoryJsonConverter()));
        if (configuration.GetValue<bool>(DemoCatalog.ConfigurationKey))
            services.AddHostedService<DemoCatalog>();
        return services;
    }

    public static IEndpointRouteBuilder MapCatalogModule(this IEndpointRouteBuilder endpoints)
    {
        CatalogEndpoints.Map(endpoints);
        return endpoints;
    }
}
