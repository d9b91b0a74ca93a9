using Connect.Catalog.Contracts;
using Connect.SharedKernel.Paging;
using Npgsql;
using NpgsqlTypes;

namespace Connect.Catalog.Reading;

/// <summary>
/// Where changed offerings go in each of the list's eight orders, decided by PostgreSQL with the very expressions
/// and collation its ORDER BY uses (see <see cref="OfferingOrders"/>): a search over the unchanged offerings in two
/// rounds, the first comparing each changed one with √n evenly spaced neighbours, the second with the ones between
/// the two it fell between, one query each (times and prices narrow it here first, see <see cref="OfferingOrder.Candidates"/>). The values compared are the sort keys the database computed (kept with
/// each offering), sent as parameters, so no document is read and a change costs the same few round trips whatever
/// the catalog's size.
/// </summary>
internal static class OfferingPlacement
{
    private const int FewestPivots = 32;

    public static readonly string Table = $"{CatalogModule.Schema}.mt_doc_offeringdocument";

    /// <summary>Whether pivot p sorts before changed offering c, in order number <c>t.ord</c>; ties go by id, ascending.</summary>
    private static readonly string Before = string.Join(" ", OfferingOrders.All.Select((o, i) =>
    {
        var k = OfferingOrders.Column(o.Key);
        return o.Direction == SortDirection.Asc
            ? $"WHEN {i} THEN (p.{k}, p.id) < (c.{k}, c.id)"
            : $"WHEN {i} THEN (p.{k} > c.{k} OR (p.{k} = c.{k} AND p.id < c.id))";
    }));

    // Only values the database gave (sort keys as it computes them) are compared, as parameters: no document is read.
    private static readonly string CountSql = $"""
        SELECT t.ord, t.cid, (count(*) FILTER (WHERE CASE t.ord {Before} END))::int
        FROM unnest(@ord, @cid, @cname, @ccreated, @cupdated, @cnet, @pid, @pname, @pcreated, @pupdated, @pnet)
             AS t(ord, cid, cname, ccreated, cupdated, cnet, pid, pname, pcreated, pupdated, pnet),
             LATERAL (SELECT t.cid AS id, t.cname AS name, t.ccreated AS created, t.cupdated AS updated, t.cnet AS net) c,
             LATERAL (SELECT t.pid AS id, t.pname AS name, t.pcreated AS created, t.pupdated AS updated, t.pnet AS net) p
        GROUP BY t.ord, t.cid
        """;

    private static string RelativeSql(int order) =>
        $"WITH k AS ({OfferingSortKeys.Sql} FROM {Table} d WHERE d.id = ANY(@ids)) SELECT k.id FROM k ORDER BY {OfferingOrders.OrderBy(order, "k")}";

    private sealed class Search(int order, string id, (int Low, int High) range)
    {
        public int Order { get; } = order;
        public string Id { get; } = id;
        public int Low { get; set; } = range.Low;
        public int High { get; set; } = range.High;
        public int[] Compared { get; set; } = [];
        public bool Done { get; set; }
    }

    /// <summary>For each order (by its index in <see cref="OfferingOrders.All"/>), the gap of every changed offering in <paramref name="basis"/>.</summary>
    public static async Task<IReadOnlyList<Dictionary<string, int>>> GapsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<OfferingOrder> basis, IReadOnlyDictionary<string, OfferingSortKeys> changed, CancellationToken cancellationToken)
    {
        var searches = basis.SelectMany((order, o) => changed.Values.Select(c => new Search(o, c.Id, order.Candidates(OfferingOrders.All[o], c)))).ToList();
        foreach (var s in searches) s.Done = s.Low == s.High;
        var pivots = Math.Max(FewestPivots, (int)Math.Ceiling(Math.Sqrt(basis.Max(o => o.Count) + 1)));
        while (searches.Where(s => !s.Done).ToList() is { Count: > 0 } active)
        {
            var ords = new List<int>();
            var cids = new List<string>();
            var pids = new List<OfferingSortKeys>();
            foreach (var s in active)
            {
                var width = s.High - s.Low;
                s.Compared = width <= pivots
                    ? Enumerable.Range(s.Low, width).ToArray()
                    : Enumerable.Range(0, pivots).Select(j => s.Low + (int)((long)(j + 1) * width / (pivots + 1))).ToArray();
                foreach (var index in s.Compared)
                {
                    ords.Add(s.Order);
                    cids.Add(s.Id);
                    pids.Add(basis[s.Order].At(index).SortKeys);
                }
                if (s.Compared.Length == 0) s.Done = true;
            }
            if (pids.Count == 0) break;
            var counts = await CountAsync(connection, transaction, ords, cids, pids, changed, cancellationToken);
            foreach (var s in active.Where(s => !s.Done))
            {
                var before = counts.GetValueOrDefault((s.Order, s.Id));
                var exact = s.Compared.Length == s.High - s.Low;
                s.Low = exact ? s.Low + before : before == 0 ? s.Low : s.Compared[before - 1] + 1;
                s.High = exact ? s.Low : before == s.Compared.Length ? s.High : s.Compared[before];
                s.Done = s.Low == s.High;
            }
        }
        var gaps = basis.Select(_ => new Dictionary<string, int>(StringComparer.Ordinal)).ToList();
        foreach (var s in searches) gaps[s.Order][s.Id] = s.Low;
        return gaps;
    }

    private static async Task<Dictionary<(int, string), int>> CountAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        List<int> ords, List<string> cids, List<OfferingSortKeys> pivots, IReadOnlyDictionary<string, OfferingSortKeys> changed,
        CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(CountSql, connection, transaction);
        command.Parameters.AddWithValue("ord", ords.ToArray());
        Add(command, "c", cids.Select(id => changed[id]).ToList());
        Add(command, "p", pivots);
        var counts = new Dictionary<(int, string), int>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken)) counts[(reader.GetInt32(0), reader.GetString(1))] = reader.GetInt32(2);
        return counts;
    }

    private static void Add(NpgsqlCommand command, string prefix, List<OfferingSortKeys> keys)
    {
        command.Parameters.AddWithValue(prefix + "id", keys.Select(k => k.Id).ToArray());
        command.Parameters.AddWithValue(prefix + "name", keys.Select(k => k.Name).ToArray());
        command.Parameters.Add(new NpgsqlParameter(prefix + "created", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = keys.Select(k => k.CreatedAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter(prefix + "updated", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = keys.Select(k => k.UpdatedAt).ToArray() });
        command.Parameters.Add(new NpgsqlParameter(prefix + "net", NpgsqlDbType.Array | NpgsqlDbType.Numeric) { Value = keys.Select(k => k.NetPrice).ToArray() });
    }

    /// <summary>The changed offerings as each order sorts them among themselves (for those that share a gap).</summary>
    public static async Task<IReadOnlyList<List<string>>> RelativeAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<string> changed, CancellationToken cancellationToken)
    {
        if (changed.Count < 2) return OfferingOrders.All.Select(_ => changed.ToList()).ToList();
        await using var batch = new NpgsqlBatch(connection, transaction);
        for (var o = 0; o < OfferingOrders.All.Length; o++)
        {
            var command = new NpgsqlBatchCommand(RelativeSql(o));
            command.Parameters.AddWithValue("ids", changed.ToArray());
            batch.BatchCommands.Add(command);
        }
        var sorted = new List<List<string>>();
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        do
        {
            var ids = new List<string>();
            while (await reader.ReadAsync(cancellationToken)) ids.Add(reader.GetString(0));
            sorted.Add(ids);
        } while (await reader.NextResultAsync(cancellationToken));
        return sorted;
    }
}
