using System.Data;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Services;
using Npgsql;

namespace Connect.Catalog.Reading;

/// <summary>A resource the read model must read again: its log type and id.</summary>
internal readonly record struct ResourceKey(string Type, string Id);

/// <summary>
/// What <see cref="CatalogReadModel"/> reads from PostgreSQL, each in one repeatable-read transaction so that the
/// documents and the log position agree: everything once (with the log head it was read at), then only what the
/// log entries after a position name.
/// </summary>
internal sealed class CatalogSource(IDocumentStore store)
{
    /// <summary>Past this many offerings in one step, loading everything again is cheaper than placing each.</summary>
    private const int MostOfferingsFollowed = 500;

    private const string HeadSql = $"SELECT coalesce(max(sequence), 0) FROM {ChangeLogTable.Name}";
    private const string EntriesSql = $"SELECT resource_type, resource_id FROM {ChangeLogTable.Name} WHERE sequence > @after ORDER BY sequence";

    /// <summary>The offerings the entries after @after name, and those changed without an entry (@unlogged).</summary>
    private const string NamedOfferings = $"""
        SELECT resource_id FROM {ChangeLogTable.Name} WHERE sequence > @after AND resource_type = '{ResourceTypes.ProductOffering}'
        UNION SELECT unnest(@unlogged)
        """;

    private static readonly string OfferingsSql = $"SELECT d.id, d.data FROM {OfferingPlacement.Table} d WHERE d.id IN ({NamedOfferings})";

    /// <summary>All four kinds of documents, the list's orders and the log head, in one round trip.</summary>
    public async Task<(CatalogDocuments Documents, long Position)> LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var head = await HeadAsync(connection, transaction, cancellationToken);
        await using var session = store.QuerySession(SessionOptions.ForTransaction(transaction));
        var batch = session.CreateBatchQuery();
        var products = batch.Query<ProductDocument>().ToList();
        var groups = batch.Query<OfferingGroupDocument>().ToList();
        var offerings = batch.Query<OfferingDocument>().ToList();
        var catalogs = batch.Query<CatalogDocument>().ToList();
        await batch.Execute(cancellationToken);
        var (keys, orders) = await OfferingSortKeys.ReadAllAsync(connection, transaction, cancellationToken);
        return (new CatalogDocuments(await products, await groups, await offerings, await catalogs, orders, keys), head);
    }

    /// <summary>
    /// The resources named by the log after <paramref name="basis"/>'s position (and those changed here without an
    /// entry), as they read now; null when following cannot work (the log restarted, or too much changed at once).
    /// Entries of resource types the catalog does not show are read past.
    /// </summary>
    public async Task<CatalogDelta?> ReadChangesAsync(CatalogState basis, IReadOnlyCollection<ResourceKey> unlogged, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        var named = new HashSet<ResourceKey>(unlogged);
        var unloggedOfferings = unlogged.Where(k => k.Type == ResourceTypes.ProductOffering).Select(k => k.Id).ToArray();
        var serializer = store.Options.Serializer();
        var offerings = new Dictionary<string, OfferingDocument?>(StringComparer.Ordinal);
        Dictionary<string, OfferingSortKeys> keys;
        long head;
        // The hot path (offerings) in one round trip: the head, the entries, the documents they name and their sort keys.
        await using (var batch = new NpgsqlBatch(connection, transaction))
        {
            batch.BatchCommands.Add(new NpgsqlBatchCommand(HeadSql));
            foreach (var sql in new[] { EntriesSql, OfferingsSql, OfferingSortKeys.Of(NamedOfferings) })
            {
                var command = new NpgsqlBatchCommand(sql);
                command.Parameters.AddWithValue("after", basis.Position);
                if (sql != EntriesSql) command.Parameters.AddWithValue("unlogged", unloggedOfferings);
                batch.BatchCommands.Add(command);
            }
            await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
            await reader.ReadAsync(cancellationToken);
            head = reader.GetInt64(0);
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) named.Add(new ResourceKey(reader.GetString(0), reader.GetString(1)));
            await reader.NextResultAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) offerings[reader.GetString(0)] = serializer.FromJson<OfferingDocument>(reader, 1);
            await reader.NextResultAsync(cancellationToken);
            keys = await OfferingSortKeys.ReadAsync(reader, cancellationToken);
        }
        string[] Ids(string type) => named.Where(k => k.Type == type).Select(k => k.Id).Distinct().ToArray();
        var offeringIds = Ids(ResourceTypes.ProductOffering);
        if (head < basis.Position || offeringIds.Length > MostOfferingsFollowed) return null;
        foreach (var id in offeringIds) offerings.TryAdd(id, null);

        await using var session = store.QuerySession(SessionOptions.ForTransaction(transaction));
        var products = await LoadAsync<ProductDocument>(session, Ids(ResourceTypes.Product), p => p.Id, cancellationToken);
        var groups = await LoadAsync<OfferingGroupDocument>(session, Ids(ResourceTypes.ProductOfferingGroup), g => g.Id, cancellationToken);
        var catalogs = await LoadAsync<CatalogDocument>(session, Ids(ResourceTypes.ProductCatalog), c => c.Id, cancellationToken);

        var bases = basis.Orders.Select(order => offeringIds.Length == 0 ? order : order.Without(offeringIds)).ToList();
        var present = offerings.Where(o => o.Value is not null).Select(o => o.Key).ToList();
        var placed = bases.Select(_ => (IReadOnlyList<(string, int)>)[]).ToList();
        if (present.Count > 0)
        {
            var relative = await OfferingPlacement.RelativeAsync(connection, transaction, present, cancellationToken);
            var gaps = await OfferingPlacement.GapsAsync(connection, transaction, bases, keys, cancellationToken);
            for (var o = 0; o < bases.Count; o++)
                placed[o] = relative[o].Select(id => (id, gaps[o][id])).OrderBy(p => p.Item2).ToList();
        }
        return new CatalogDelta(head, products, groups, offerings, catalogs, bases, placed, keys);
    }

    /// <summary>The documents by id; an id without a document maps to null (the resource is gone).</summary>
    private static async Task<Dictionary<string, T?>> LoadAsync<T>(IQuerySession session, string[] ids, Func<T, string> idOf,
        CancellationToken cancellationToken) where T : class
    {
        var found = new Dictionary<string, T?>(StringComparer.Ordinal);
        if (ids.Length == 0) return found;
        foreach (var id in ids) found[id] = null;
        foreach (var document in await session.LoadManyAsync<T>(cancellationToken, ids)) found[idOf(document)] = document;
        return found;
    }

    private async Task<NpgsqlConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    private static async Task<long> HeadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(HeadSql, connection, transaction);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }
}
