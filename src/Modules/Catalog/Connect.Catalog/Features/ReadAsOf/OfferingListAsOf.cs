using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;
using Connect.Catalog.Features;
using Connect.Catalog.Reading;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Paging;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Npgsql;

namespace Connect.Catalog.Features.ReadAsOf;

/// <summary>
/// The offering list as it read at a past instant (spec §9): every offering as its last entry then shows it, filtered
/// and paged as the live list is, in the order the live list sorted them then. PostgreSQL sorts them with the live
/// list's expressions (<see cref="OfferingOrders"/>): names by the database's collation, and times to the microsecond
/// as the documents held them, which is when the entry that set them occurred (the representation shows only
/// milliseconds, and offerings changed within one millisecond still sort apart).
/// </summary>
internal sealed class OfferingListAsOf(IDocumentStore store, IOptions<JsonOptions> json, CatalogAsOf history)
{
    private static readonly string[] OrderedSql = [.. OfferingOrders.All.Select((_, o) => $"""
        WITH e AS (SELECT resource_id, version, occurred_at, fields, resource FROM {ChangeLogTable.Name}
                   WHERE resource_type = '{ResourceTypes.ProductOffering}' AND date_trunc('milliseconds', occurred_at) <= @at),
             last AS (SELECT DISTINCT ON (resource_id) resource_id, resource, resource::jsonb AS r FROM e ORDER BY resource_id, version DESC),
             created AS (SELECT resource_id, occurred_at FROM e WHERE version = 1),
             updated AS (SELECT DISTINCT ON (resource_id) resource_id, occurred_at FROM e WHERE fields @> '["updatedAt"]' ORDER BY resource_id, version DESC),
             k AS (SELECT last.resource_id AS id, last.resource, last.r ->> 'name' AS name,
                          {Exact("created", "createdAt")} AS created, {Exact("updated", "updatedAt")} AS updated,
                          CAST(last.r -> 'price' ->> 'netPrice' AS decimal) AS net
                   FROM last LEFT JOIN created USING (resource_id) LEFT JOIN updated USING (resource_id))
        SELECT k.resource FROM k ORDER BY {OfferingOrders.OrderBy(o, "k")}
        """)];

    /// <summary>The entry's time when it is the one the representation shows (to the millisecond), else the time shown.</summary>
    private static string Exact(string entry, string field) =>
        $"CASE WHEN date_trunc('milliseconds', {entry}.occurred_at) = (last.r ->> '{field}')::timestamptz " +
        $"THEN {entry}.occurred_at ELSE (last.r ->> '{field}')::timestamptz END";

    public async Task<Page<ProductOffering>> PageAsync(ListProductOfferings query, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var matches = (await OrderedAsync(query.Sort, query.Direction, at, cancellationToken)).Where(o => ListOfferingsHandler.Matches(query,
            o.Product?.Type ?? default, o.Product?.Category ?? default, o.CustomerType, o.Status, o.ProductOfferingGroupId)).ToList();
        var sortKey = ListOfferingsHandler.SortKeyName(query.Sort);
        if (query.Sort == OfferingSortKey.NetPrice && !string.IsNullOrEmpty(query.PromoCode))
        {
            // As live: every match is priced with the code (as it stood then), then sorted and paged.
            var priced = await history.PricedAsync([.. matches.Select(Read)], query.PromoCode, at, cancellationToken);
            var ordered = query.Direction == SortDirection.Asc ? priced.OrderBy(o => o.Price.NetPrice) : priced.OrderByDescending(o => o.Price.NetPrice);
            var sorted = ordered.ThenBy(o => o.ProductOfferingId, StringComparer.Ordinal).Skip(query.Offset).Take(query.Limit).ToList();
            return new Page<ProductOffering>(sorted, matches.Count, query.Limit, query.Offset, sortKey, query.Direction);
        }
        var page = await history.PricedAsync([.. matches.Skip(query.Offset).Take(query.Limit).Select(Read)], query.PromoCode, at, cancellationToken);
        return new Page<ProductOffering>(page, matches.Count, query.Limit, query.Offset, sortKey, query.Direction);
    }

    /// <summary>Every offering of then, in the order asked for, with only what the filters read (the rest is read for the page).</summary>
    private async Task<List<Filtered>> OrderedAsync(OfferingSortKey key, SortDirection direction, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        await using var connection = store.Storage.Database.CreateConnection();
        await connection.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand(OrderedSql[Array.IndexOf(OfferingOrders.All, (key, direction))], connection);
        command.Parameters.AddWithValue("at", at);
        var offerings = new List<Filtered>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var text = reader.GetString(0);
            offerings.Add(JsonSerializer.Deserialize<Filtered>(text, json.Value.SerializerOptions)! with { Text = text });
        }
        return offerings;
    }

    private ProductOffering Read(Filtered offering) => JsonSerializer.Deserialize<ProductOffering>(offering.Text, json.Value.SerializerOptions)!;

    /// <summary>What the list's filters read of an offering's log entry, and the entry.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    private sealed record Filtered(OfferingStatus Status, CustomerType CustomerType, string? ProductOfferingGroupId, FilteredProduct? Product)
    {
        [JsonIgnore] public string Text { get; init; } = "";
    }

    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    private sealed record FilteredProduct(ProductType Type, ProductCategory Category);
}
