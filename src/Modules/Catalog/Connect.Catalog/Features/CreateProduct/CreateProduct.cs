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

/// <summary>Body of <c>POST /products</c>, and the writable form a PATCH merges into.</summary>
internal sealed record CreateProduct : ICommand<Product>
{
    public string? ProductId { get; init; }
    [MaxLength(CatalogBounds.Name)] public string? InternalName { get; init; }
    public ProductType? Type { get; init; }
    public ProductCategory? Category { get; init; }
    [MaxLength(CatalogBounds.NetworkProviderId)] public string? NetworkProviderId { get; init; }
    public ProductFeatures? Features { get; init; }
    [MaxLength(CatalogBounds.Requirements)] public Dictionary<string, RequirementLevel>? Requirements { get; init; }
}

internal sealed class CreateProductValidator : AbstractValidator<CreateProduct>
{
    public CreateProductValidator()
    {
        RuleFor(c => c.ProductId).Must(Ids.IsValid).When(c => c.ProductId is not null).WithMessage(Ids.Rule);
        RuleFor(c => c.InternalName).NotEmpty().MaximumLength(CatalogBounds.Name);
        RuleFor(c => c.Type).NotNull();
        RuleFor(c => c.Category).NotNull();
        RuleFor(c => c.NetworkProviderId).MaximumLength(CatalogBounds.NetworkProviderId);
        RuleFor(c => c.Features!).SetValidator(new ProductFeaturesValidator()).When(c => c.Features is not null);
        RuleFor(c => c.Requirements!.Count).LessThanOrEqualTo(CatalogBounds.Requirements).When(c => c.Requirements is not null)
            .OverridePropertyName("requirements").WithMessage($"requirements holds at most {CatalogBounds.Requirements} entries.");
        RuleForEach(c => c.Requirements).Must(r => RequirementPaths.IsValid(r.Key))
            .WithMessage($"Requirement keys are dotted field paths such as 'subscriber.address', at most {CatalogBounds.RequirementKey} characters.");
    }
}

internal sealed class ProductFeaturesValidator : AbstractValidator<ProductFeatures>
{
    public ProductFeaturesValidator()
    {
        RuleFor(f => f.DataMb).GreaterThanOrEqualTo(0);
        RuleFor(f => f.IncludedCallSeconds).GreaterThanOrEqualTo(0);
        RuleFor(f => f.IncludedSms).GreaterThanOrEqualTo(0);
        RuleFor(f => f.ValidityDays).GreaterThan(0);
        RuleFor(f => f.Countries!.Count).LessThanOrEqualTo(CatalogBounds.Countries).When(f => f.Countries is not null)
            .OverridePropertyName("countries").WithMessage($"countries holds at most {CatalogBounds.Countries} codes.");
        RuleForEach(f => f.Countries).NotNull().Matches("^[A-Z]{2}$").WithMessage("Countries are ISO 3166 alpha-2 codes such as 'US'.");
        RuleFor(f => f.Regions!.Count).LessThanOrEqualTo(CatalogBounds.Regions).When(f => f.Regions is not null)
            .OverridePropertyName("regions").WithMessage($"regions holds at most {CatalogBounds.Regions} entries.");
        RuleForEach(f => f.Regions).NotNull().NotEmpty().MaximumLength(CatalogBounds.Region);
    }
}

internal static partial class RequirementPaths
{
    [System.Text.RegularExpressions.GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]*(\.[A-Za-z][A-Za-z0-9_]*){0,7}\z")]
    private static partial System.Text.RegularExpressions.Regex Pattern();

    public static bool IsValid(string key) => key.Length <= CatalogBounds.RequirementKey && Pattern().IsMatch(key);
}

internal sealed class CreateProductHandler(IDocumentSession session, TimeProvider clock, CatalogChangeLog log)
    : CreateHandler<CreateProduct, ProductDocument, Product>(session, clock)
{
    protected override string? IdOf(CreateProduct form) => form.ProductId;
    protected override ProductDocument New(string id, DateTimeOffset now) => new() { Id = id, CreatedAt = now };

    protected override Task ApplyAsync(CreateProduct form, ProductDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        form.Apply(document, now);
        return Task.CompletedTask;
    }

    protected override Task<Product> ShowAsync(ProductDocument document, CancellationToken cancellationToken) =>
        Task.FromResult(document.ToResponse());

    protected override Task RecordAsync(CreateProduct form, ProductDocument document, Product shown, DateTimeOffset now, CancellationToken cancellationToken)
    {
        log.Product(document, ChangeKinds.Created);
        return Task.CompletedTask;
    }
}

internal static class CreateProductExtensions
{
    public static void Apply(this CreateProduct command, ProductDocument product, DateTimeOffset now)
    {
        product.InternalName = command.InternalName!;
        product.Type = command.Type!.Value;
        product.Category = command.Category!.Value;
        product.NetworkProviderId = command.NetworkProviderId;
        product.Features = command.Features;
        product.Requirements = command.Requirements ?? [];
        product.UpdatedAt = now;
    }
}
