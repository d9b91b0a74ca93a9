using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using System.ComponentModel.DataAnnotations;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.Domain;
using FluentValidation;
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
    : CreateHandler<CreateOfferingGroup, OfferingGroupDocument, ProductOfferingGroup>(session, clock)
{
    protected override string? IdOf(CreateOfferingGroup form) => form.ProductOfferingGroupId;
    protected override OfferingGroupDocument New(string id, DateTimeOffset now) => new() { Id = id, CreatedAt = now };

    protected override Task ApplyAsync(CreateOfferingGroup form, OfferingGroupDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        form.Apply(document, now);
        return Task.CompletedTask;
    }

    protected override Task<ProductOfferingGroup> ShowAsync(OfferingGroupDocument document, CancellationToken cancellationToken) =>
        Task.FromResult(document.ToResponse());

    protected override Task RecordAsync(CreateOfferingGroup form, OfferingGroupDocument document, ProductOfferingGroup shown, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        log.Group(document, ChangeKinds.Created);
        return Task.CompletedTask;
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
