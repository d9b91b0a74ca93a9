using System.Text.Json;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Microsoft.AspNetCore.Http;

namespace Connect.Webhooks.Features;

/// <summary>How the routes that name one webhook answer with it, shared by get, patch, delete and the delivery list.</summary>
internal static class WebhookAnswers
{
    public const string Kind = "Webhook";

    /// <summary>200 with the webhook and its tag (<see cref="WebhookETags"/>), or 304, or a 404 problem.</summary>
    public static IResult Tagged(HttpContext http, Webhook? webhook, string webhookId)
    {
        if (webhook is null) throw new NotFoundException(Kind, webhookId);
        var options = Respond.JsonOptions(http);
        return ETags.Json(http, JsonSerializer.SerializeToUtf8Bytes(webhook, options), WebhookETags.Of(webhook, options));
    }
}
