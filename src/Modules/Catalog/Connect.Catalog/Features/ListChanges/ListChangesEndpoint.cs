using System.Text;
using Connect.Identity.Contracts;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features.ListChanges;

/// <summary><c>GET /changes</c> (spec §7): the change log, oldest first, paged by an opaque cursor, with an optional long poll.</summary>
internal static class ListChangesEndpoint
{
    public const int MaxLimit = 1000;
    public const int MaxWaitSeconds = 30;

    public static void MapListChanges(this IEndpointRouteBuilder read) =>
        read.MapGet("/changes", async (HttpContext http, ChangeFeed feed) =>
            {
                var (query, wait) = Parse(http);
                var page = await feed.ReadAsync(query, wait, http.RequestAborted);
                return Results.Json(new ChangesResponse(page.Items, new ChangesPagination(ChangeCursor.Encode(page.Next), page.HasMore)),
                    Respond.JsonOptions(http));
            })
            .Produces<ChangesResponse>();

    private static (ChangeQuery Query, TimeSpan Wait) Parse(HttpContext http)
    {
        var p = new QueryParsing(http.Request.Query);
        var after = p.String("after") is { } cursor ? ChangeCursor.Decode(cursor) : 0;
        if (after < 0) p.Error("after", "after must be a nextCursor from an earlier page.");
        var limit = p.Int("limit", 100);
        if (limit is < 1 or > MaxLimit) p.Error("limit", $"limit must be between 1 and {MaxLimit}.");
        var wait = p.Int("wait", 0);
        if (wait is < 0 or > MaxWaitSeconds) p.Error("wait", $"wait must be between 0 and {MaxWaitSeconds} seconds.");
        var types = p.Many<string>("resourceType", "resourceTypes", TryResourceType).Distinct().ToList();
        var resourceId = p.String("resourceId");
        if (resourceId is not null && types.Count != 1) p.Error("resourceId", "resourceId needs exactly one resourceType.");
        p.ThrowIfInvalid();
        // A shop's key must not enumerate promo codes: their entries are left out, and read past.
        IReadOnlyList<string> hidden = http.User.HasClaim(ConnectClaims.Scope, Scopes.PricingWrite) ? [] : [ResourceTypes.PromoCode];
        return (new ChangeQuery(after, limit, types, resourceId, hidden), TimeSpan.FromSeconds(wait));
    }

    private static bool TryResourceType(string value, out string type)
    {
        type = value;
        return ResourceTypes.All.Contains(value);
    }
}

/// <summary>A page of the change log.</summary>
internal sealed record ChangesResponse(IReadOnlyList<CatalogChange> Items, ChangesPagination Pagination);

/// <summary>Where to read on: <c>nextCursor</c> is on every page, an empty one included.</summary>
internal sealed record ChangesPagination(string NextCursor, bool HasMore);

/// <summary>The log position a reader has read up to, as an opaque cursor (<c>c1.</c> and the position, base64url).</summary>
internal static class ChangeCursor
{
    private const string Prefix = "c1.";

    public static string Encode(long position) =>
        Convert.ToBase64String(Encoding.ASCII.GetBytes(Prefix + position)).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    /// <summary>The position, or -1 for anything that is not a cursor this service wrote.</summary>
    public static long Decode(string cursor)
    {
        try
        {
            var base64 = cursor.Replace('-', '+').Replace('_', '/');
            var text = Encoding.ASCII.GetString(Convert.FromBase64String(base64.PadRight(base64.Length + (4 - base64.Length % 4) % 4, '=')));
            return text.StartsWith(Prefix, StringComparison.Ordinal) && long.TryParse(text.AsSpan(Prefix.Length), System.Globalization.NumberStyles.None,
                System.Globalization.CultureInfo.InvariantCulture, out var position) ? position : -1;
        }
        catch (FormatException)
        {
            return -1;
        }
    }
}
