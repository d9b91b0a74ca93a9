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

    /// <summary>Every offering's keys and its position in each order (each key computed once, eight sorts of small rows).</summary>
    private static readonly string AllSql = $"WITH k AS ({Sql} FROM {OfferingPlacement.Table} d) SELECT k.*, " +
        string.Join(", ", OfferingOrders.All.Select((_, o) => $"row_number() OVER (ORDER BY {OfferingOrders.OrderBy(o, "k")})")) + " FROM k";

    /// <summary>The sort keys of every offering, and the ids in each order of <see cref="OfferingOrders.All"/>.</summary>
    public static async Task<(Dictionary<string, OfferingSortKeys> Keys, string[][] Orders)> ReadAllAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(AllSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var keys = new Dictionary<string, OfferingSortKeys>(StringComparer.Ordinal);
        var positions = new List<long[]>();
        while (await reader.ReadAsync(cancellationToken))
        {
            keys[reader.GetString(0)] = Read(reader);
            positions.Add([.. Enumerable.Range(0, OfferingOrders.All.Length).Select(o => reader.GetInt64(5 + o))]);
        }
        var ids = keys.Keys.ToArray();
        var orders = OfferingOrders.All.Select((_, o) =>
        {
            var ordered = new string[ids.Length];
            for (var i = 0; i < ids.Length; i++) ordered[positions[i][o] - 1] = ids[i];
            return ordered;
        }).ToArray();
        return (keys, orders);
    }

    private static OfferingSortKeys Read(System.Data.Common.DbDataReader reader) =>
        new(reader.GetString(0), reader.GetString(1), reader.GetDateTime(2), reader.GetDateTime(3), reader.GetDecimal(4));

    /// <summary>The keys a statement made with <see cref="Sql"/> returns.</summary>
    public static async Task<Dictionary<string, OfferingSortKeys>> ReadAsync(System.Data.Common.DbDataReader reader, CancellationToken cancellationToken)
    {
        var keys = new Dictionary<string, OfferingSortKeys>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
            keys[reader.GetString(0)] = Read(reader);
        return keys;
    }
}
