using System.Text.Json;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>PATCH /webhooks/{id}</c>: answers with the webhook as a GET now shows it, tagged.</summary>
internal static class PatchWebhookEndpoint
{
    public static void MapPatchWebhook(this IEndpointRouteBuilder app) =>
        app.MapPatch("/{webhookId}", async (string webhookId, JsonElement body, HttpContext http, ISender sender) =>
            {
                var patch = new PatchWebhook(webhookId, Respond.PatchBody(body), http.User.GetApiKeyId(), Preconditions.Of(http.Request));
                if (await sender.Send(patch) is null) return WebhookAnswers.Tagged(http, null, webhookId);
                // A PATCH answer is never a 304: what was asked of If-None-Match held for the change.
                http.Request.Headers.IfNoneMatch = default;
                return WebhookAnswers.Tagged(http, await sender.Send(new GetWebhook(webhookId)), webhookId);
            })
            .Produces<Webhook>();
}
