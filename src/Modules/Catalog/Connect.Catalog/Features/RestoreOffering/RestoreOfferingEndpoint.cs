using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ScheduledChanges;
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
                await StatusChanges.AnswerAsync(http, sender, productOfferingId, ScheduledStates.Restore, body))
            .Produces<ProductOffering>();
}
