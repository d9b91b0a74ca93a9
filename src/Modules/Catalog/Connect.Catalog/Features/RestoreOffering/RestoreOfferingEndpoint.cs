using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ScheduledChanges;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offerings/{id}/restore</c>: now, or at <c>effectiveAt</c> (202; spec §10).</summary>
internal static class RestoreOfferingEndpoint
{
    public static void MapRestoreOffering(this IEndpointRouteBuilder app) =>
        app.MapPost("/product-offerings/{productOfferingId}/restore", async (string productOfferingId, StatusChangeBody? body, HttpContext http, ISender sender) =>
                body?.EffectiveAt is { } effectiveAt
                    ? await ScheduledChangesEndpoints.ScheduleAsync(http, sender, productOfferingId, ScheduledStates.Restore, effectiveAt, body.Reason)
                    : await Respond.Updated(http, sender, new RestoreProductOffering(productOfferingId, body?.Reason, http.User.GetApiKeyId(), Preconditions.Of(http.Request))))
            .Produces<ProductOffering>();
}
