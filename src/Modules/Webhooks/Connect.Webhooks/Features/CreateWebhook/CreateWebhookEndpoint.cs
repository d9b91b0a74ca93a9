using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Features;

/// <summary><c>POST /webhooks</c>: the only answer that carries the signing secret, shown once.</summary>
internal static class CreateWebhookEndpoint
{
    public static void MapCreateWebhook(this IEndpointRouteBuilder app) =>
        app.MapPost("", async (CreateWebhook body, HttpContext http, ISender sender) =>
            {
                http.Response.Headers.CacheControl = "no-store"; // the only answer that carries the secret
                CreatedWebhook? made = null;
                var answer = await Respond.Created(http, async () => made = await sender.Send(body with
                {
                    ChangedBy = http.User.GetApiKeyId(), ReceivesPromoCodes = http.User.HasClaim(ConnectClaims.Scope, Scopes.PricingWrite),
                }), "/webhooks/{0}", w => w.WebhookId);
                // The tag of the webhook as a GET shows it (never with the secret), so a PATCH can follow the create at once.
                http.Response.Headers.ETag = WebhookETags.Of(made!.AsWebhook(), Respond.JsonOptions(http));
                return answer;
            })
            .ShowsSecretOnce()
            .Produces<CreatedWebhook>(201);
}
