using System.ComponentModel.DataAnnotations;
using Connect.SharedKernel;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Domain;
using Connect.Webhooks.Domain;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Webhooks.Features;

/// <summary>Body of <c>POST /webhooks</c> (spec §8).</summary>
internal sealed record CreateWebhook : ICommand<CreatedWebhook>
{
    public string? Url { get; init; }
    [MaxLength(10)] public List<string?>? ResourceTypes { get; init; }
    public string? Description { get; init; }

    /// <summary>The acting key id; set by the endpoint.</summary>
    [ServerAssigned] public string ChangedBy { get; init; } = "system";

    /// <summary>Whether the acting key holds <c>pricing:write</c>; set by the endpoint.</summary>
    [ServerAssigned] public bool ReceivesPromoCodes { get; init; }
}

internal sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public CreateWebhookValidator()
    {
        RuleFor(c => c.Url).Custom((url, context) =>
        {
            if (UrlGuard.FormError(url) is { } error) context.AddFailure("url", error);
        });
        RuleFor(c => c.ResourceTypes).Must(WebhookRules.AreResourceTypes).WithMessage(WebhookRules.ResourceTypesRule);
        RuleFor(c => c.ResourceTypes).Must((c, types) => c.ReceivesPromoCodes || types is null || !types.Contains(ResourceTypes.PromoCode))
            .WithMessage(WebhookRules.PromoCodesRule);
        RuleFor(c => c.Description).MaximumLength(WebhookRules.MaxDescription);
    }
}

internal sealed class CreateWebhookHandler(IDocumentSession session, TimeProvider clock, WebhookSecrets secrets, WebhookUrls urls)
    : ICommandHandler<CreateWebhook, CreatedWebhook>
{
    public async ValueTask<CreatedWebhook> Handle(CreateWebhook command, CancellationToken cancellationToken)
    {
        await urls.EnsureAllowedAsync(command.Url!, cancellationToken);
        var now = clock.GetUtcNow();
        var secret = WebhookSecrets.New();
        var webhook = new WebhookDocument
        {
            Id = Ids.New(), Url = command.Url!, ResourceTypes = WebhookRules.Normalize(command.ResourceTypes), Description = command.Description,
            SealedSecret = secrets.Seal(secret), ReceivesPromoCodes = command.ReceivesPromoCodes, CreatedBy = command.ChangedBy,
            CreatedAt = now, UpdatedAt = now,
        };
        session.Insert(webhook);
        session.Events.StartStream<WebhookDocument>(WebhookDocument.StreamKey(webhook.Id), new WebhookCreated(webhook.Id, webhook.Url,
            webhook.ResourceTypes, webhook.Description, now, command.ChangedBy));
        // Changes committed from now on: the log's head read in this transaction is the last one it does not receive.
        session.QueueSqlCommand($"INSERT INTO {WebhookTables.State} (webhook_id, position, enabled) SELECT ?, coalesce(max(sequence), 0), true FROM {ChangeLogTable.Name}",
            webhook.Id);
        return new CreatedWebhook
        {
            WebhookId = webhook.Id, Url = webhook.Url, ResourceTypes = webhook.ResourceTypes, Description = webhook.Description,
            Enabled = true, CreatedAt = now, Secret = secret,
        };
    }
}
