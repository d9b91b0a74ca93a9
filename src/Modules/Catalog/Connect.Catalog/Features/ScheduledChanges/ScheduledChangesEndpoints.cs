using Connect.Identity.Contracts;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Marten;
using Marten.Linq;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features.ScheduledChanges;

/// <summary>Scheduled archives and restores (spec §10, scope <c>catalog:write</c>): schedule, list, read, cancel.</summary>
internal static class ScheduledChangesEndpoints
{
    private static readonly string[] States = [ScheduledStates.Pending, ScheduledStates.Done, ScheduledStates.Cancelled, ScheduledStates.Failed];

    /// <summary>The 202 answer of an archive or restore given an <c>effectiveAt</c>.</summary>
    public static async Task<IResult> ScheduleAsync(HttpContext http, ISender sender, string offeringId, string action, DateTimeOffset effectiveAt, string? reason)
    {
        var scheduled = await sender.Send(new ScheduleStatusChange(offeringId, action, effectiveAt, reason, http.User.GetApiKeyId()));
        http.Response.Headers.Location = $"/scheduled-changes/{scheduled.ScheduledChangeId}";
        return Results.Json(scheduled, Respond.JsonOptions(http), statusCode: StatusCodes.Status202Accepted);
    }

    public static void MapScheduledChanges(this IEndpointRouteBuilder write)
    {
        write.MapGet("/scheduled-changes", async (HttpContext http, IQuerySession session) =>
            {
                var p = new QueryParsing(http.Request.Query);
                var (limit, offset) = p.Paging();
                var state = p.String("state");
                var offeringId = p.String("productOfferingId");
                if (state is not null && !States.Contains(state)) p.Error("state", $"state must be one of {string.Join(", ", States)}.");
                if (limit is < 1 or > Paging.MaxLimit) p.Error("limit", $"limit must be between 1 and {Paging.MaxLimit}.");
                if (offset < 0) p.Error("offset", "offset must be 0 or more.");
                p.ThrowIfInvalid();
                var query = session.Query<ScheduledChangeDocument>().Stats(out QueryStatistics stats)
                    .Where(c => (state == null || c.State == state) && (offeringId == null || c.ProductOfferingId == offeringId));
                var items = await query.OrderBy(c => c.EffectiveAt).ThenBy(c => c.Id).Skip(offset).Take(limit).ToListAsync(http.RequestAborted);
                return Respond.List(http, new Page<ScheduledChange>([.. items.Select(c => c.ToResponse())], stats.TotalResults, limit, offset, "effectiveAt", SortDirection.Asc));
            })
            .Produces<ListResponse<ScheduledChange>>();
        write.MapGet("/scheduled-changes/{scheduledChangeId}", async (string scheduledChangeId, HttpContext http, IQuerySession session) =>
                Respond.Single(http, (await session.LoadAsync<ScheduledChangeDocument>(scheduledChangeId, http.RequestAborted))?.ToResponse(),
                    "Scheduled change", scheduledChangeId))
            .Produces<ScheduledChange>();
        write.MapPost("/scheduled-changes/{scheduledChangeId}/cancel", async (string scheduledChangeId, HttpContext http, ISender sender) =>
                Results.Json(await sender.Send(new CancelScheduledChange(scheduledChangeId)), Respond.JsonOptions(http)))
            .Produces<ScheduledChange>();
    }
}
