using Connect.Catalog.Contracts;
using FluentValidation;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>POST /product-offerings/{id}/archive</c>, or the same command sent in-process.</summary>
internal sealed class ArchiveOfferingHandler(OfferingStatusChanger changer, TimeProvider clock)
    : ICommandHandler<ArchiveProductOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(ArchiveProductOffering command, CancellationToken cancellationToken) =>
        await changer.ChangeAsync(command.ProductOfferingId, command.Preconditions,
            new Domain.ProductOfferingArchived(command.Reason, command.ChangedBy, clock.GetUtcNow()), cancellationToken);
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
