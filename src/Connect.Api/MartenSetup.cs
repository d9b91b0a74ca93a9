using JasperFx;
using JasperFx.Events;
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

        services.AddMarten(options =>
            {
                options.Connection(connectionString);
                options.DatabaseSchemaName = "connect";
                options.Events.DatabaseSchemaName = "events";
                // Streams are keyed by the resource's own id (an offering id, a promo code, a key id), a string.
                options.Events.StreamIdentity = StreamIdentity.AsString;
                options.AutoCreateSchemaObjects = AutoCreate.CreateOrUpdate;
                options.UseSystemTextJsonForSerialization();
            })
            .UseLightweightSessions()
            .ApplyAllDatabaseChangesOnStartup();
        return services;
    }
}
