using Connect.Webhooks.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>GET /webhooks/{id}</c>, tagged (<see cref="WebhookETags"/>).</summary>
internal static class GetWebhookEndpoint
{
    public static void MapGetWebhook(this IEndpointRouteBuilder app) =>
        app.MapGet("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
            WebhookAnswers.Tagged(http, await sender.Send(new GetWebhook(webhookId)), webhookId)).Produces<Webhook>();
}
