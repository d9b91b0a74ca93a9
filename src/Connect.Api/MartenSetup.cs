using Connect.SharedKernel.Messaging;
using JasperFx;
using JasperFx.Events;
using JasperFx.OpenTelemetry;
using Marten;

namespace Connect.Api;

/// <summary>The one Marten store. Modules add their own schema and documents through ConfigureMarten.</summary>
internal static class MartenSetup
{
    public const string ConnectionStringName = "Connect";

    public static IServiceCollection AddConnectMarten(this IServiceCollection services, IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(ConnectionStringName);
        if (string.IsNullOrWhiteSpace(connectionString))
            throw new InvalidOperationException(
                $"ConnectionStrings:{ConnectionStringName} is not set (environment ConnectionStrings__{ConnectionStringName}). build/run.sh sets it for you.");

        services.AddSingleton(new ListenerConnection(connectionString));
        connectionString = WithBoundedWaits(connectionString);
        services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "connect";
                options.Events.DatabaseSchemaName = "events";
                // Streams are keyed by the resource's own id (an offering id, a promo code, a key id), a string.
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization();
                // A span per session connection on the "Marten" source (traced when OpenTelemetry listens).
                options.OpenTelemetry.TrackConnections = TrackLevel.Normal;
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }

    /// <summary>
    /// With the database gone, no request may hang: opening a connection gives up after 5 s and a command
    /// after 15 s (unless the connection string says otherwise); the caller then gets a 503 problem.
    /// </summary>
    public static string WithBoundedWaits(string connectionString)
    {
        // NpgsqlConnectionStringBuilder.ContainsKey is true for every keyword it knows, set or not: ask a
        // plain builder, which holds only what the string says.
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Timeout")) builder.Timeout = 5;
        if (!given.ContainsKey("Command Timeout") && !given.ContainsKey("CommandTimeout")) builder.CommandTimeout = 15;
        return builder.ConnectionString;
    }
}
