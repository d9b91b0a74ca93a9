using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>The change log's table, its writer (one per command), its reader and the node's ear for other nodes' commits.</summary>
public static class ChangeLogRegistration
{
    public static IServiceCollection AddChangeLog(this IServiceCollection services, IConfiguration configuration)
    {
        services.ConfigureMarten(marten =>
        {
            marten.Storage.ExtendedSchemaObjects.Add(ChangeLogTable.Define());
            marten.Storage.ExtendedSchemaObjects.Add(ChangeLogTable.DefineCheckpoints());
        });
        services.AddSingleton<ChangeSignal>();
        services.AddScoped<ChangeRecorder>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<ChangeHistory>();
        services.AddHostedService<ChangeLogBackfillOnStart>();
        services.AddHostedService<ChangeLogListener>();
        services.AddSingleton(new ChangeReactionsSwitch { Enabled = configuration.GetValue(ChangeReactionsSwitch.ConfigurationKey, true) });
        services.AddSingleton<ChangeReactionsMetrics>();
        services.AddHostedService<ChangeReactions>();
        return services;
    }
}

/// <summary>Hears other nodes' commits to the log, so a long poll here answers as soon as they commit.</summary>
internal sealed class ChangeLogListener(Messaging.ListenerConnection connection, ChangeSignal signal, ILogger<ChangeLogListener> logger)
    : Messaging.PostgresListener(connection.ConnectionString, ChangeSignal.Channel, logger)
{
    protected override void Notified(string payload)
    {
        if (long.TryParse(payload, System.Globalization.CultureInfo.InvariantCulture, out var sequence)) signal.Heard(sequence);
    }

    protected override void Connected(bool connected) { }

    protected override string Meanwhile => "long polls of /changes look for new entries every second";
}
