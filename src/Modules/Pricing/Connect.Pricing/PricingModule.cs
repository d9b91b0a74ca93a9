using Microsoft.Extensions.DependencyInjection;

namespace Connect.Pricing;

/// <summary>The Pricing module's door. It owns price computation; promo code documents join it later.</summary>
public static class PricingModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    public const string Schema = "pricing";

    public static IServiceCollection AddPricingModule(this IServiceCollection services) => services;
}
