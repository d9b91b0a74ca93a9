using Connect.Identity.Authentication;
using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Marten;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Identity;

/// <summary>The Identity module's door: API key authentication and one authorization policy per scope.</summary>
public static class IdentityModule
{
    public static IServiceCollection AddIdentityModule(this IServiceCollection services)
    {
        services.ConfigureMarten(options =>
            options.Schema.For<ApiKey>().DatabaseSchemaName("identity").UniqueIndex(k => k.KeyHash));

        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            // Anything not explicitly opened (health, docs) needs a valid key.
            .SetFallbackPolicy(new AuthorizationPolicyBuilder(ApiKeyAuthenticationHandler.SchemeName).RequireAuthenticatedUser().Build());
        services.AddAuthorization(options =>
        {
            foreach (var scope in Scopes.All)
                options.AddPolicy(scope, policy => policy
                    .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
                    .RequireAuthenticatedUser()
                    .RequireClaim(ConnectClaims.Scope, scope));
        });

        services.AddHostedService<BootstrapApiKey>();
        return services;
    }
}
