using Connect.Pricing.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Pricing;

/// <summary>The Pricing module's door: price computation and promo codes (documents and streams in schema <c>pricing</c>).</summary>
public static class PricingModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    private const string Schema = "pricing";

    /// <summary>The module's meter (OpenTelemetry metrics).</summary>
    public const string MeterName = "Connect.Pricing";

    /// <summary>Registers the promo code documents and events, the promo code cache and the change-log reactions.</summary>
    public static IServiceCollection AddPricingModule(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
        {
            options.Schema.For<PromoCodeDocument>().DatabaseSchemaName(Schema).UseOptimisticConcurrency(true)
                .Index(c => c.CreatedAt);
            options.Schema.For<ArchivedOffering>().DatabaseSchemaName(Schema);
            options.Events.AddEventTypes([typeof(PromoCodeCreated), typeof(PromoCodeDeactivated)]);
        });
        // One cache per process. Mediator resolves notification handlers from the container, so this same
        // instance hears the module's notifications.
        services.AddSingleton<PromoCodeCache>();
        services.AddSingleton<PromoCodeGuessLimiter>();
        services.AddScoped<Connect.SharedKernel.ChangeLog.IChangeReaction, Features.TrackArchivedOfferings>();
        services.AddScoped<Connect.SharedKernel.ChangeLog.IChangeLogBackfill, Features.PromoCodeBackfill>();
        services.AddValidatorsFromAssembly(typeof(PricingModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    /// <summary>Maps promo code management.</summary>
    public static IEndpointRouteBuilder MapPricingModule(this IEndpointRouteBuilder endpoints)
    {
        PricingEndpoints.Map(endpoints);
        return endpoints;
    }
}
