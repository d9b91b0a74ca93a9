using Connect.Api;
using Connect.Api.Docs;
using Connect.Api.Errors;
using Connect.Api.Hardening;
using Connect.Api.Idempotency;
using Connect.Api.Health;
using Connect.Api.Logging;
using Connect.Api.Telemetry;
using Connect.Api.OpenApi;
using Connect.Api.Pipeline;
using Connect.Catalog;
using Connect.Identity;
using Connect.Identity.Contracts;
using Connect.Pricing;
using Connect.SharedKernel;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Messaging;
using Connect.Webhooks;
using Serilog;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Of(args) });
builder.AddHttpHardening();
builder.AddConnectTelemetry();

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    .Enrich.With<SingleLineProperties>()
    .WriteTo.Console(outputTemplate: "[{Timestamp:HH:mm:ss} {Level:u3}] {SourceContext}: {Message:lj}{NewLine}{Exception}")
    // Extra sinks registered in the container (the tests capture every log line this way).
    .WriteTo.Sink(new AggregateSink(services.GetServices<Serilog.Core.ILogEventSink>())),
    // Each host keeps its own logger rather than the process-wide static one, so two hosts in one process
    // (tests, tools) never write through, or close, each other's.
    preserveStaticLogger: true);

builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddConnectMarten(builder.Configuration);
builder.Services.AddConnectHealth(builder.Configuration);
builder.Services.AddMediator((Mediator.MediatorOptions options) =>
{
    // Scoped, so handlers and the unit of work share the request's Marten session.
    options.ServiceLifetime = ServiceLifetime.Scoped;
    // Audit sits outside the unit of work, so it logs only what committed.
    options.PipelineBehaviors = [typeof(TracingBehavior<,>), typeof(LoggingBehavior<,>), typeof(ValidationBehavior<,>), typeof(AuditBehavior<,>), typeof(UnitOfWorkBehavior<,>)];
});
builder.Services.AddScoped<NotificationBuffer>();
builder.Services.AddIdempotentWrites(builder.Configuration);
// The one ordered log of catalog changes (spec §7), written by the modules' commands.
builder.Services.AddChangeLog(builder.Configuration);

builder.Services.ConfigureHttpJsonOptions(o => ConnectJson.Configure(o.SerializerOptions));
builder.Services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
builder.Services.AddOpenApi(o => o.DescribeEnumsByWireName().AddSchemaTransformer(BoundsSchemaTransformer.Apply).DescribeContract());

// The modules: each registers its own documents, handlers, validators and endpoints.
builder.Services.AddIdentityModule(builder.Configuration);
builder.Services.AddCatalogModule(builder.Configuration);
builder.Services.AddPricingModule();
builder.Services.AddWebhooksModule(builder.Configuration);

var app = builder.Build();

app.UseRequestLogging();
app.UseHeadWithoutBody();
// Problems are written inside the request log, so the log shows the status the caller got.
app.UseProblemResponses();
app.UseHttpHardening();
app.UseIdentityModule();
// After authorization, so records are per key and refused requests keep nothing; around the endpoints' own
// problem answers, so a 4xx is kept like any other answer.
app.UseIdempotentWrites();
app.UseExceptionProblems();

var routes = app.MapGroup("").WithHeadOnEveryGet();
routes.MapOpenApi().AllowAnonymous();
routes.MapDocsPage();
routes.MapHealth();
app.MapMetrics();
routes.MapIdentityModule();
routes.MapCatalogModule();
routes.MapPricingModule();
routes.MapWebhooksModule();

app.Run();

/// <summary>Writes each event to every sink given (none in production).</summary>
internal sealed class AggregateSink(IEnumerable<Serilog.Core.ILogEventSink> sinks) : Serilog.Core.ILogEventSink
{
    private readonly Serilog.Core.ILogEventSink[] _sinks = [.. sinks];

    public void Emit(Serilog.Events.LogEvent logEvent)
    {
        foreach (var sink in _sinks) sink.Emit(logEvent);
    }
}

/// <summary>Entry point, visible to the integration tests' host factory.</summary>
public partial class Program;
