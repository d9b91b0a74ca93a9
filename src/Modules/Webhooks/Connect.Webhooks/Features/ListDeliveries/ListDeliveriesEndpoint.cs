using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>GET /webhooks/{id}/deliveries</c>: newest attempt first, paged; 404 for an unknown webhook.</summary>
internal static class ListDeliveriesEndpoint
{
    public static void MapListDeliveries(this IEndpointRouteBuilder app) =>
        app.MapGet("/{webhookId}/deliveries", async (string webhookId, HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return await sender.Send(new ListDeliveries(webhookId, limit, offset)) is { } page
                    ? Respond.List(http, page)
                    : Respond.Single<Webhook>(http, null, WebhookAnswers.Kind, webhookId);
            })
            .Produces<ListResponse<DeliveryAttempt>>();
}
