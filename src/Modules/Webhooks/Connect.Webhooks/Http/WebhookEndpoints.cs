using System.Text.Json;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Errors;
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
        hooks.MapPost("", async (CreateWebhook body, HttpContext http, ISender sender) =>
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
        hooks.MapGet("", async (HttpContext http, ISender sender) =>
            {
                var (limit, offset) = QueryParsing.PagingOf(http.Request.Query);
                return Respond.List(http, await sender.Send(new ListWebhooks(limit, offset)));
            })
            .Produces<ListResponse<Webhook>>();
        hooks.MapGet("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
            Tagged(http, await sender.Send(new GetWebhook(webhookId)), webhookId)).Produces<Webhook>();
        hooks.MapPatch("/{webhookId}", async (string webhookId, JsonElement body, HttpContext http, ISender sender) =>
            {
                var patch = new PatchWebhook(webhookId, Respond.PatchBody(body), http.User.GetApiKeyId(), Preconditions.Of(http.Request));
                if (await sender.Send(patch) is null) return Tagged(http, null, webhookId);
                // A PATCH answer is never a 304: what was asked of If-None-Match held for the change.
                http.Request.Headers.IfNoneMatch = default;
                return Tagged(http, await sender.Send(new GetWebhook(webhookId)), webhookId);
            })
            .Produces<Webhook>();
        hooks.MapDelete("/{webhookId}", async (string webhookId, HttpContext http, ISender sender) =>
                await sender.Send(new DeleteWebhook(webhookId, http.User.GetApiKeyId(), Preconditions.Of(http.Request)))
                    ? Results.NoContent()
                    : Tagged(http, null, webhookId))
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

    /// <summary>200 with the webhook and its tag (<see cref="WebhookETags"/>), or 304, or a 404 problem.</summary>
    private static IResult Tagged(HttpContext http, Webhook? webhook, string webhookId)
    {
        if (webhook is null) throw new NotFoundException(Kind, webhookId);
        var options = Respond.JsonOptions(http);
        return ETags.Json(http, JsonSerializer.SerializeToUtf8Bytes(webhook, options), WebhookETags.Of(webhook, options));
    }
}
