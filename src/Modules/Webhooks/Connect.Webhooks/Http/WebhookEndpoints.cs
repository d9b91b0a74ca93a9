using System.Text.Json;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Connect.Webhooks.Features;
using Mediator;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks.Http;

/// <summary>Webhook management (spec §8, scope <c>webhooks:admin</c>).</summary>
internal static class WebhookEndpoints
{
    private const string Kind = "Webhook";

    public static void Map(IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").RequireAuthorization(Scopes.WebhooksAdmin).WithTags("Webhooks");
        hooks.MapPost("", (CreateWebhook body, HttpContext http, ISender sender) =>
            {
                http.Response.Headers.CacheControl = "no-store"; // the only answer that carries the secret
                return Respond.Created(http, () => sender.Send(body with
                {
                    ChangedBy = http.User.GetApiKeyId(), ReceivesPromoCodes = http.User.HasClaim(ConnectClaims.Scope, Scopes.PricingWrite),
                }), "/webhooks/{0}", w => w.WebhookId);
            })
            .ShowsSecretOnce()
            .Produces<CreatedWebhook>(201);
        hooks.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListWebhooks(limit, offset)));
            })
            .Produces<ListResponse<Webhook>>();
        hooks.MapGet("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
            Respond.Single(http, await sender.Send(new GetWebhook(webhookId)), Kind, webhookId)).Produces<Webhook>();
        hooks.MapPatch("/{webhookId}", async (string webhookId, JsonElement body, HttpContext http, ISender sender) =>
            {
                if (await sender.Send(new PatchWebhook(webhookId, Respond.PatchBody(body), http.User.GetApiKeyId())) is null)
                    return Respond.Single<Webhook>(http, null, Kind, webhookId);
                return Respond.Single(http, await sender.Send(new GetWebhook(webhookId)), Kind, webhookId);
            })
            .Produces<Webhook>();
        hooks.MapDelete("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
                await sender.Send(new DeleteWebhook(webhookId, http.User.GetApiKeyId())) ? Results.NoContent() : Respond.Single<Webhook>(http, null, Kind, webhookId))
            .Produces(204);
        hooks.MapGet("/{webhookId}/deliveries", async (string webhookId, HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return await sender.Send(new ListDeliveries(webhookId, limit, offset)) is { } page
                    ? Respond.List(http, page)
                    : Respond.Single<Webhook>(http, null, Kind, webhookId);
            })
            .Produces<ListResponse<DeliveryAttempt>>();
    }
}
