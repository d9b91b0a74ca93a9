using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>DELETE /webhooks/{id}</c>: 204, or a 404 problem.</summary>
internal static class DeleteWebhookEndpoint
{
    public static void MapDeleteWebhook(this IEndpointRouteBuilder app) =>
        app.MapDelete("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
                await sender.Send(new DeleteWebhook(webhookId, http.User.GetApiKeyId(), Preconditions.Of(http.Request)))
                    ? Results.NoContent()
                    : WebhookAnswers.Tagged(http, null, webhookId))
            .Produces(204);
}
