using Marten;
using Npgsql;

namespace Connect.Webhooks.Domain;

/// <summary>An open connection of the store's pool, for the module's own tables.</summary>
internal static class StoreConnections
{
    public static async Task<NpgsqlConnection> OpenConnectionAsync(this IDocumentStore store, CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }
}
