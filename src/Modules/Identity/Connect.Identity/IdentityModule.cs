using Connect.Identity.Authentication;
using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Messaging;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Connect.Identity;

/// <summary>
/// The Identity module's door: API key authentication (cached, revocations heard across nodes), one
/// authorization policy per scope, per-key rate limits, key management and <c>/me</c>.
/// </summary>
public static class IdentityModule
{
    /// <summary>The module's PostgreSQL schema.</summary>
    private const string Schema = "identity";

    /// <summary>The module's meter (OpenTelemetry metrics).</summary>
    public const string MeterName = "Connect.Identity";

    /// <summary>Policy of endpoints any valid key may call (<c>/me</c>).</summary>
    public const string AnyKeyPolicy = "any-key";

    /// <summary>Registers API key authentication, the scope policies, rate limiting and key management.</summary>
    public static IServiceCollection AddIdentityModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<IdentityOptions>(configuration.GetSection(IdentityOptions.Section));
        services.ConfigureMarten(options =>
        {
            options.Schema.For<ApiKey>().DatabaseSchemaName(Schema).UniqueIndex(k => k.KeyHash).Index(k => k.CreatedAt);
            options.Events.AddEventTypes([typeof(ApiKeyCreated), typeof(ApiKeyRevoked), typeof(ApiKeyExpired)]);
        });
        services.AddValidatorsFromAssembly(typeof(IdentityModule).Assembly, ServiceLifetime.Singleton, includeInternalTypes: true);

        // One cache per process; Mediator resolves notification handlers from the container, so this instance
        // also hears this node's revocations.
        services.AddSingleton<ApiKeyCache>();
        services.AddSingleton<FailedAuthenticationLimiter>();
        services.AddHostedService<ApiKeyRevocationListener>();
        services.AddSingleton<ApiKeyExpirySweep>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiKeyExpirySweep>());

        services.AddHttpContextAccessor();
        services.AddScoped<IActor, HttpActor>();

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Anything not explicitly opened (health, docs) needs a valid key.
            .SetFallbackPolicy(AnyKey())
            .AddPolicy(AnyKeyPolicy, AnyKey());
        services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ConnectClaims.Scope, scope));
        });
        services.AddRateLimiter(_ => { });
        services.AddOptions<RateLimiterOptions>()
            .Configure<IOptionsMonitor<IdentityOptions>, TimeProvider>((limiter, options, clock) => KeyRateLimiting.Configure(limiter, options, clock));

        services.AddHostedService<BootstrapApiKey>();
        return services;
    }

    private static AuthorizationPolicy AnyKey() =>
        new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build();

    /// <summary>Authentication, then the per-key rate limit, then authorization.</summary>
    public static IApplicationBuilder UseIdentityModule(this IApplicationBuilder app) =>
        app.UseAuthentication().UseRateLimiter().UseAuthorization();

    /// <summary>Maps key management and <c>/me</c>.</summary>
    public static IEndpointRouteBuilder MapIdentityModule(this IEndpointRouteBuilder endpoints)
    {
        IdentityEndpoints.Map(endpoints);
        return endpoints;
    }

    /// <summary>The acting API key of the current request, for audit lines; <c>system</c> outside a request.</summary>
    private sealed class HttpActor(IHttpContextAccessor http) : IActor
    {
        public string Id => http.HttpContext?.User.GetApiKeyId() ?? "system";
    }
}
