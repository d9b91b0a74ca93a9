using Connect.Webhooks.Delivery;
using Connect.Webhooks.Domain;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Webhooks;

/// <summary>The Webhooks module's door: webhooks (documents and streams in schema <c>webhooks</c>) and their delivery (spec §8).</summary>
public static class WebhooksModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    internal const string Schema = "webhooks";

    public static IServiceCollection AddWebhooksModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(options =>
        {
            options.Schema.For<WebhookDocument>().DatabaseSchemaName(Schema).Index(w => w.CreatedAt);
            options.Events.AddEventTypes([typeof(WebhookCreated), typeof(WebhookUpdated), typeof(WebhookDisabled), typeof(WebhookDeleted)]);
            options.Storage.ExtendedSchemaObjects.Add(WebhookTables.DefineState());
            options.Storage.ExtendedSchemaObjects.Add(WebhookTables.DefineDeliveries());
        });
        services.AddOptions<WebhookOptions>().Bind(configuration.GetSection(WebhookOptions.Section))
            .Validate(o => o.SecretKey is null || IsKey(o.SecretKey), $"{WebhookOptions.Section}:SecretKey must be the base64 of 32 bytes.")
            .Validate(o => o.Timeout > TimeSpan.Zero && o.MaxConcurrentWebhooks > 0 && o.PollInterval > TimeSpan.Zero && o.Backoff.All(b => b >= TimeSpan.Zero),
                $"{WebhookOptions.Section}: Timeout, PollInterval and MaxConcurrentWebhooks must be positive, Backoff steps not negative.")
            .ValidateOnStart();
        services.AddSingleton(new WebhookDeliverySwitch { Enabled = configuration.GetValue(WebhookDeliverySwitch.ConfigurationKey, true) });
        services.AddSingleton<WebhookSecrets>();
        services.AddSingleton<Features.WebhookUrls>();
        services.AddSingleton<WebhookMetrics>();
        services.AddSingleton<WebhookSender>();
        services.AddSingleton<WebhookDisabler>();
        services.AddSingleton<WebhookWorker>();
        services.AddHostedService<WebhookDispatcher>();
        services.AddValidatorsFromAssembly(typeof(WebhooksModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);
        return services;
    }

    public static IEndpointRouteBuilder MapWebhooksModule(this IEndpointRouteBuilder endpoints)
    {
        WebhookEndpoints.Map(endpoints);
        return endpoints;
    }

    private static bool IsKey(string value)
    {
        var bytes = new byte[64];
        return Convert.TryFromBase64String(value, bytes, out var length) && length == 32;
    }
}
