using Npgsql;

namespace Connect.Catalog.Reading;

/// <summary>An offering's values in the list's orders, exactly as PostgreSQL computes them (times to the microsecond).</summary>
internal sealed record OfferingSortKeys(string Id, string Name, DateTime CreatedAt, DateTime UpdatedAt, decimal NetPrice)
{
    public const string Sql = """
        SELECT d.id, d.data ->> 'Name' AS name, connect.mt_immutable_timestamptz(d.data ->> 'CreatedAt') AS created,
               connect.mt_immutable_timestamptz(d.data ->> 'UpdatedAt') AS updated, CAST(d.data ->> 'NetPrice' as decimal) AS net
        """;


    /// <summary>The sort keys of the offerings whose ids the statement <paramref name="ids"/> selects.</summary>
    public static string Of(string ids) => $"{Sql} FROM {OfferingPlacement.Table} d WHERE d.id IN ({ids})";

    /// <summary>The sort keys of every offering, as the database computes them.</summary>
    public static async Task<Dictionary<string, OfferingSortKeys>> ReadAllAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"{Sql} FROM {OfferingPlacement.Table} d", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadAsync(reader, cancellationToken);
    }

    /// <summary>The keys a statement made with <see cref="Sql"/> returns.</summary>
    public static async Task<Dictionary<string, OfferingSortKeys>> ReadAsync(System.Data.Common.DbDataReader reader, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, OfferingSortKeys>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            keys[reader.GetString(0)] = new OfferingSortKeys(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3), reader.GetDecimal(4));
        return keys;
    }
}
