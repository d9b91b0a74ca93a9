using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ScheduledChanges;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offerings/{id}/archive</c>: now, at <c>effectiveAt</c> (202), or with <c>dryRun=true</c> only what it would do (spec §10).</summary>
internal static class ArchiveOfferingEndpoint
{
    public static void MapArchiveOffering(this IEndpointRouteBuilder app) =>
        // The body is optional so that a missing one reads as "no reason": archive's validator then names `reason`.
        app.MapPost("/product-offerings/{productOfferingId}/archive", async (string productOfferingId, bool? dryRun, StatusChangeBody? body, HttpContext http, ISender sender) =>
                dryRun == true
                    ? Results.Json(await sender.Send(new ArchiveDryRun(productOfferingId, body?.Reason)), Respond.JsonOptions(http))
                    : await StatusChanges.AnswerAsync(http, sender, productOfferingId, ScheduledStates.Archive, body))
            .Produces<ProductOffering>();
}
