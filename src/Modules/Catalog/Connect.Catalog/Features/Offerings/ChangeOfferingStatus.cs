using Connect.Catalog.Contracts;
using FluentValidation;
using Mediator;

namespace Connect.Catalog.Features.Offerings;

/// <summary><c>POST /product-offerings/{id}/archive</c>, or the same command sent in-process.</summary>
internal sealed class ArchiveOfferingHandler(OfferingStatusChanger changer, TimeProvider clock)
    : ICommandHandler<ArchiveProductOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(ArchiveProductOffering command, CancellationToken cancellationToken) =>
        await changer.ChangeAsync(command.ProductOfferingId, command.Preconditions,
            new Domain.ProductOfferingArchived(command.Reason, command.ChangedBy, clock.GetUtcNow()), cancellationToken);
}

/// <summary><c>POST /product-offerings/{id}/restore</c>, or the same command sent in-process.</summary>
internal sealed class RestoreOfferingHandler(OfferingStatusChanger changer, TimeProvider clock)
    : ICommandHandler<RestoreProductOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(RestoreProductOffering command, CancellationToken cancellationToken) =>
        await changer.ChangeAsync(command.ProductOfferingId, command.Preconditions,
            new Domain.ProductOfferingRestored(string.IsNullOrEmpty(command.Reason) ? null : command.Reason, command.ChangedBy, clock.GetUtcNow()),
            cancellationToken);
}

internal static class StatusChangeRules
{
    public const int MaxReasonLength = 500;
    public const int MaxChangedByLength = 100;
}

/// <summary>Archiving needs a reason (1–500 characters): it is what the history has to prove later.</summary>
internal sealed class ArchiveProductOfferingValidator : AbstractValidator<ArchiveProductOffering>
{
    public ArchiveProductOfferingValidator()
    {
        RuleFor(c => c.ProductOfferingId).NotEmpty();
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(StatusChangeRules.MaxReasonLength);
        RuleFor(c => c.ChangedBy).NotEmpty().MaximumLength(StatusChangeRules.MaxChangedByLength);
    }
}

/// <summary>Restoring may say why (at most 500 characters); no reason, or an empty one, is recorded as none.</summary>
internal sealed class RestoreProductOfferingValidator : AbstractValidator<RestoreProductOffering>
{
    public RestoreProductOfferingValidator()
    {
        RuleFor(c => c.ProductOfferingId).NotEmpty();
        RuleFor(c => c.Reason).MaximumLength(StatusChangeRules.MaxReasonLength);
        RuleFor(c => c.ChangedBy).NotEmpty().MaximumLength(StatusChangeRules.MaxChangedByLength);
    }
}
