using Connect.Identity.Contracts;
using Connect.Webhooks.Features;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Connect.Webhooks;

/// <summary>Webhook management (spec §8, scope <c>webhooks:admin</c>), one line per use case. The order is the OpenAPI document's order.</summary>
internal static class WebhookEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        var hooks = app.MapGroup("/webhooks").RequireAuthorization(Scopes.WebhooksAdmin).WithTags("Webhooks");
        hooks.MapCreateWebhook();
        hooks.MapListWebhooks();
        hooks.MapGetWebhook();
        hooks.MapPatchWebhook();
        hooks.MapDeleteWebhook();
        hooks.MapListDeliveries();
    }
}
