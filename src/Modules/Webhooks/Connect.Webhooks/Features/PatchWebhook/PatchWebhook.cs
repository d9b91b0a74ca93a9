using System.Text.Json;
using System.Text.Json.Nodes;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.Webhooks.Domain;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Webhooks.Features;

/// <summary>
/// <c>PATCH /webhooks/{id}</c>: <c>url</c>, <c>resourceTypes</c>, <c>description</c>, <c>enabled</c>. Turning it on again,
/// or pointing it elsewhere, retries the first undelivered change at once; the position in the log never moves back or skips.
/// Under <see cref="WebhookETags"/>' conditions; the stream's version makes a change committed meanwhile fail this one.
/// </summary>
internal sealed record PatchWebhook(string WebhookId, JsonObject Patch, string ChangedBy, Preconditions Preconditions) : ICommand<Webhook?>;

internal sealed class PatchWebhookHandler(IDocumentSession session, TimeProvider clock, WebhookUrls urls, IOptions<JsonOptions> json)
    : ICommandHandler<PatchWebhook, Webhook?>
{
    public async ValueTask<Webhook?> Handle(PatchWebhook command, CancellationToken cancellationToken)
    {
        var (webhook, version) = await WebhookVersions.LoadCheckedAsync(session, command.WebhookId, command.Preconditions, json.Value.SerializerOptions,
            cancellationToken);
        if (webhook is null) return null;
        var errors = new List<FieldError>();
        var fields = new List<string>();
        var wasEnabled = webhook.Enabled;
        foreach (var (name, value) in command.Patch)
        {
            fields.Add(name);
            switch (name)
            {
                case "url" when value is JsonValue v && v.TryGetValue<string>(out var url) && UrlGuard.FormError(url) is null:
                    webhook.Url = url;
                    break;
                case "url":
                    errors.Add(new FieldError("url", UrlGuard.FormError(value is JsonValue s && s.TryGetValue<string>(out var text) ? text : null)!));
                    break;
                case "resourceTypes" when value is null || (value is JsonArray a && a.Count <= 10 && a.All(t => t is JsonValue tv && tv.GetValueKind() == JsonValueKind.String)):
                    var types = value?.AsArray().Select(t => t!.GetValue<string>()).ToList() ?? [];
                    if (!WebhookRules.AreResourceTypes(types)) errors.Add(new FieldError("resourceTypes", WebhookRules.ResourceTypesRule));
                    else if (!webhook.ReceivesPromoCodes && types.Contains(ResourceTypes.PromoCode)) errors.Add(new FieldError("resourceTypes", WebhookRules.PromoCodesRule));
                    else webhook.ResourceTypes = WebhookRules.Normalize(types);
                    break;
                case "resourceTypes":
                    errors.Add(new FieldError("resourceTypes", "resourceTypes must be an array of at most 10 resource types, or null for all."));
                    break;
                case "description" when value is null || (value is JsonValue d && d.TryGetValue<string>(out var description) && description.Length <= WebhookRules.MaxDescription):
                    webhook.Description = value?.GetValue<string>();
                    break;
                case "description":
                    errors.Add(new FieldError("description", $"description must be a string of at most {WebhookRules.MaxDescription} characters, or null."));
                    break;
                case "enabled" when value is JsonValue e && e.GetValueKind() is JsonValueKind.True or JsonValueKind.False:
                    webhook.Enabled = e.GetValue<bool>();
                    break;
                case "enabled":
                    errors.Add(new FieldError("enabled", "enabled must be true or false."));
                    break;
                default:
                    errors.Add(new FieldError(name, $"'{name}' is not a property that can be changed (url, resourceTypes, description, enabled)."));
                    break;
            }
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        if (fields.Contains("url")) await urls.EnsureAllowedAsync(webhook.Url, cancellationToken);

        var now = clock.GetUtcNow();
        if (webhook.Enabled) webhook.DisabledReason = null;
        webhook.UpdatedAt = now;
        session.Store(webhook);
        session.Events.Append(WebhookDocument.StreamKey(webhook.Id), version + 1, new WebhookUpdated(webhook.Id, webhook.Url, webhook.ResourceTypes,
            webhook.Description, webhook.Enabled, fields, now, command.ChangedBy));
        var retryNow = (webhook.Enabled && !wasEnabled) || fields.Contains("url");
        session.QueueSqlCommand(
            $"UPDATE {WebhookTables.State} SET enabled = ?, attempts = CASE WHEN ? THEN 0 ELSE attempts END, " +
            "next_attempt_at = CASE WHEN ? THEN NULL ELSE next_attempt_at END, failing_since = CASE WHEN ? THEN NULL ELSE failing_since END WHERE webhook_id = ?",
            webhook.Enabled, retryNow, retryNow, retryNow, webhook.Id);
        return webhook.ToContract();
    }
}
