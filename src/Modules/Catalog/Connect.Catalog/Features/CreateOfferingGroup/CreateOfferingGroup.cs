using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using System.ComponentModel.DataAnnotations;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Domain;
using FluentValidation;
using Mapster;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>Body of <c>POST /product-offering-groups</c>, and the writable form a PATCH merges into.</summary>
internal sealed record CreateOfferingGroup : ICommand<ProductOfferingGroup>
{
    public string? ProductOfferingGroupId { get; init; }
    [MaxLength(CatalogBounds.Name)] public string? Name { get; init; }
    public ProductCategory? Category { get; init; }
    [MaxLength(CatalogBounds.Description)] public string? Description { get; init; }
    [MaxLength(CatalogBounds.Description)] public string? InternalDescription { get; init; }
}

internal sealed class CreateOfferingGroupValidator : AbstractValidator<CreateOfferingGroup>
{
    public CreateOfferingGroupValidator()
    {
        RuleFor(c => c.ProductOfferingGroupId).Must(Ids.IsValid).When(c => c.ProductOfferingGroupId is not null).WithMessage(Ids.Rule);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CatalogBounds.Name);
        RuleFor(c => c.Description).MaximumLength(CatalogBounds.Description);
        RuleFor(c => c.InternalDescription).MaximumLength(CatalogBounds.Description);
    }
}

internal sealed class CreateOfferingGroupHandler(IDocumentSession session, TimeProvider clock, CatalogChangeLog log)
    : ICommandHandler<CreateOfferingGroup, ProductOfferingGroup>
{
    public ValueTask<ProductOfferingGroup> Handle(CreateOfferingGroup command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var group = new OfferingGroupDocument { Id = command.ProductOfferingGroupId ?? Ids.New(), CreatedAt = now };
        command.Apply(group, now);
        session.Insert(group);
        log.Group(group, ChangeKinds.Created);
        return ValueTask.FromResult(group.Adapt<ProductOfferingGroup>(CatalogMapping.Config));
    }
}

internal static class CreateOfferingGroupExtensions
{
    public static void Apply(this CreateOfferingGroup command, OfferingGroupDocument group, DateTimeOffset now)
    {
        group.Name = command.Name!;
        group.Category = command.Category;
        group.Description = command.Description;
        group.InternalDescription = command.InternalDescription;
        group.UpdatedAt = now;
    }
}
