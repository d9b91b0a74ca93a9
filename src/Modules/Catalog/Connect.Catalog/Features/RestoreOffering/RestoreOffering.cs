using Connect.Catalog.Contracts;
using FluentValidation;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offerings/{id}/restore</c>, or the same command sent in-process.</summary>
internal sealed class RestoreOfferingHandler(OfferingStatusChanger changer, TimeProvider clock)
    : ICommandHandler<RestoreProductOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(RestoreProductOffering command, CancellationToken cancellationToken) =>
        await changer.ChangeAsync(command.ProductOfferingId, command.Preconditions,
            new Domain.ProductOfferingRestored(string.IsNullOrEmpty(command.Reason) ? null : command.Reason, command.ChangedBy, clock.GetUtcNow()),
            cancellationToken);
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
