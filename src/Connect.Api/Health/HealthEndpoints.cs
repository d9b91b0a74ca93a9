using Connect.SharedKernel.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using CheckStatus = Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus;

namespace Connect.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the checks tagged <see cref="Ready"/> pass), without a key.</summary>
internal static class HealthEndpoints
{
    private const string Ready = "ready";

    /// <summary>
    /// Readiness: the database answers <c>select 1</c> within 2 s. Each probe opens a connection of its own (not
    /// pooled), so probes keep no idle connection beside the store's pool.
    /// </summary>
    public static IServiceCollection AddConnectHealth(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(MartenSetup.ConnectionStringName) ?? "";
        var probe = new NpgsqlConnectionStringBuilder(MartenSetup.WithBoundedWaits(connectionString)) { Pooling = false }.ConnectionString;
        services.AddHealthChecks().AddNpgSql(probe, "select 1", name: "database", tags: [Ready], timeout: TimeSpan.FromSeconds(2));
        return services;
    }

    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => Results.Json(new HealthStatus("live"))).Produces<HealthStatus>();
        health.MapGet("/ready", async (HealthCheckService checks, HttpContext http) =>
        {
            var report = await checks.CheckHealthAsync(check => check.Tags.Contains(Ready), http.RequestAborted);
            if (report.Status == CheckStatus.Healthy) return Results.Json(new HealthStatus("ready"));
            http.Response.Headers.RetryAfter = "5";
            return Problems.Result(Problems.Create(http, 503, "unavailable", "Service unavailable", "The database is not reachable."));
        }).Produces<HealthStatus>();
    }
}

/// <summary>A probe's answer: <c>live</c> or <c>ready</c>.</summary>
internal sealed record HealthStatus(string Status);
