using Connect.SharedKernel.ChangeLog;
using Connect.Pricing.Contracts;
using Connect.SharedKernel;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Messaging;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Pricing.Features;

/// <summary>Body of <c>POST /promo-codes/{code}/deactivate</c>: an optional reason. Deactivation is for good.</summary>
internal sealed record DeactivatePromoCode : ICommand<PromoCode>
{
    public string? Reason { get; init; }

    [ServerAssigned] public string Code { get; init; } = "";
    [ServerAssigned] public string? ChangedBy { get; init; }
    [ServerAssigned] public Preconditions? Preconditions { get; init; }
}

internal sealed class DeactivatePromoCodeValidator : AbstractValidator<DeactivatePromoCode>
{
    public DeactivatePromoCodeValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

internal sealed class DeactivatePromoCodeHandler(
    IDocumentSession session, TimeProvider clock, NotificationBuffer notifications, IOptions<JsonOptions> json, ChangeRecorder changes)
    : ICommandHandler<DeactivatePromoCode, PromoCode>
{
    public async ValueTask<PromoCode> Handle(DeactivatePromoCode command, CancellationToken cancellationToken)
    {
        var code = (PromoCodeFormat.IsValid(command.Code)
                       ? await session.LoadAsync<PromoCodeDocument>(PromoCodeDocument.Normalize(command.Code), cancellationToken)
                       : null)
                   ?? throw new NotFoundException("Promo code", command.Code);
        if (command.Preconditions is { IsEmpty: false })
            command.Preconditions.Check(ETags.Of(await ArchivedTargets.ViewAsync(session, code, cancellationToken), json.Value.SerializerOptions));
        if (!code.IsActive)
            throw new ConflictException($"Promo code '{code.Id}' is already inactive.");

        var stream = await session.Events.FetchStreamStateAsync(PromoCodeDocument.StreamKey(code.Id), cancellationToken);
        var now = clock.GetUtcNow();
        code.DeactivatedAt = now;
        code.UpdatedAt = now;
        session.Store(code);
        // Expected-version append: of two racing deactivations, only one commits.
        session.Events.Append(PromoCodeDocument.StreamKey(code.Id), (stream?.Version ?? 0) + 1, new PromoCodeDeactivated(code.Id, command.Reason, now, command.ChangedBy));
        notifications.Raise(new PromoCodeDeactivatedNotification(code.Id, now, command.ChangedBy));
        var deactivated = await ArchivedTargets.ViewAsync(session, code, cancellationToken);
        changes.Record(ResourceTypes.PromoCode, code.Id, ChangeKinds.Deactivated, deactivated, now, command.Reason, command.ChangedBy);
        return deactivated;
    }
}
