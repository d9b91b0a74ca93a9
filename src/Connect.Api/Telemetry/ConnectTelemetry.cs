using System.Diagnostics;
using Connect.Identity.Contracts;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Connect.Api.Telemetry;

/// <summary>
/// OpenTelemetry (spec §6): traces of requests, the mediator pipeline, Marten and Npgsql; metrics of HTTP and the
/// runtime. Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set, and as Prometheus text at
/// <c>GET /metrics</c> unless <c>Connect:Metrics:Enabled</c> is false.
/// </summary>
internal static class ConnectTelemetry
{
    public const string ServiceName = "connect-api";
    public const string MetricsPath = "/metrics";

    /// <summary>The span attribute naming the calling key (its id, never the key).</summary>
    public const string ApiKeyIdTag = "connect.api_key.id";

    public static readonly ActivitySource Mediator = new("Connect.Mediator");

    public static WebApplicationBuilder AddConnectTelemetry(this WebApplicationBuilder builder)
    {
        var otlp = !string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var prometheus = MetricsEnabled(builder.Configuration);
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(ServiceName))
            .WithTracing(tracing => tracing
                .AddAspNetCoreInstrumentation(o =>
                {
                    // Probes and scrapes would drown the requests that matter.
                    o.Filter = http => !http.Request.Path.StartsWithSegments("/health") && !http.Request.Path.StartsWithSegments(MetricsPath);
                    o.EnrichWithHttpResponse = (activity, response) =>
                    {
                        if (response.HttpContext.User.Identity?.IsAuthenticated == true)
                            activity.SetTag(ApiKeyIdTag, response.HttpContext.User.GetApiKeyId());
                    };
                })
                .AddNpgsql()
                .AddSource("Marten", Mediator.Name))
            .WithMetrics(metrics =>
            {
                metrics.AddAspNetCoreInstrumentation().AddRuntimeInstrumentation().AddNpgsqlInstrumentation();
                metrics.AddMeter("Connect.*");
                if (prometheus) metrics.AddPrometheusExporter();
            });
        if (otlp) telemetry.UseOtlpExporter();
        return builder;
    }

    public static void MapMetrics(this WebApplication app)
    {
        if (MetricsEnabled(app.Configuration)) app.MapPrometheusScrapingEndpoint(MetricsPath).AllowAnonymous();
    }

    private static bool MetricsEnabled(IConfiguration configuration) => configuration.GetValue("Connect:Metrics:Enabled", true);
}
