using Connect.SharedKernel.Http;
using Marten;

namespace Connect.Api.Health;

/// <summary>Liveness (the process answers) and readiness (the database answers), without a key.</summary>
internal static class HealthEndpoints
{
    public static void MapHealth(this IEndpointRouteBuilder app)
    {
        var health = app.MapGroup("/health").AllowAnonymous().WithTags("Health");
        health.MapGet("/live", () => Results.Json(new HealthStatus("live"))).Produces<HealthStatus>();
        health.MapGet("/ready", async (IDocumentStore store, HttpContext http) =>
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            try
            {
                await using var connection = store.Storage.Database.CreateConnection();
                await connection.OpenAsync(timeout.Token);
                await using var command = connection.CreateCommand();
                command.CommandText = "select 1";
                await command.ExecuteScalarAsync(timeout.Token);
                return Results.Json(new HealthStatus("ready"));
            }
            catch (Exception) when (!http.RequestAborted.IsCancellationRequested)
            {
                http.Response.Headers.RetryAfter = "5";
                return Problems.Result(Problems.Create(http, 503, "unavailable", "Service unavailable", "The database is not reachable."));
            }
        }).Produces<HealthStatus>();
    }
}

/// <summary>A probe's answer: <c>live</c> or <c>ready</c>.</summary>
internal sealed record HealthStatus(string Status);
