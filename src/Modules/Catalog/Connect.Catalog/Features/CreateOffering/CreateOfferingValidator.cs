using Connect.Catalog.Contracts;
using Connect.Catalog.Json;
using Connect.SharedKernel.Domain;
using FluentValidation;

namespace Connect.Catalog.Features;

internal sealed class CreateOfferingValidator : AbstractValidator<CreateOffering>
{
    public CreateOfferingValidator()
    {
        RuleFor(c => c.ProductOfferingId).Must(Ids.IsValid).When(c => c.ProductOfferingId is not null).WithMessage(Ids.Rule);
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CatalogBounds.Name);
        RuleFor(c => c.ProductId).NotEmpty().Must(Ids.IsValid).WithMessage(Ids.Rule);
        RuleFor(c => c.ProductOfferingGroupId).Must(Ids.IsValid).When(c => c.ProductOfferingGroupId is not null).WithMessage(Ids.Rule);
        RuleFor(c => c.CustomerType).NotNull();
        RuleFor(c => c.Price).NotNull().SetValidator(new PriceInputValidator()!);
        RuleFor(c => c.Description).MaximumLength(CatalogBounds.Description);
        RuleFor(c => c.InternalDescription).MaximumLength(CatalogBounds.Description);
        RuleFor(c => c.RichContent).MaximumLength(CatalogBounds.RichContent);
        RuleFor(c => c.AddonCategories!.Count).LessThanOrEqualTo(CatalogBounds.AddonCategories).When(c => c.AddonCategories is not null)
            .OverridePropertyName("addonCategories").WithMessage($"addonCategories holds at most {CatalogBounds.AddonCategories} entries.");
        RuleFor(c => c.ImageUrl).MaximumLength(CatalogBounds.ImageUrl)
            .Must(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) && (uri.Scheme == "https" || uri.Scheme == "http"))
            .When(c => c.ImageUrl is not null).WithMessage("imageUrl must be an absolute http(s) URL.");
        RuleFor(c => c.Metadata).MustBeSmallMetadata();
    }
}

internal sealed class PriceInputValidator : AbstractValidator<PriceInput>
{
    private const decimal MaxAmount = 1_000_000_000m;

    public PriceInputValidator()
    {
        RuleFor(p => p.Currency).NotEmpty().Must(Currencies.IsKnown)
            .WithMessage("currency must be a supported ISO 4217 code such as 'USD'.");
        RuleFor(p => p.PriceType).NotNull();
        RuleFor(p => p.TaxIncluded).NotNull();
        RuleFor(p => p.GrossPrice).NotNull().InclusiveBetween(0m, MaxAmount);
        RuleFor(p => p.Discount).InclusiveBetween(0m, MaxAmount);
        RuleFor(p => p.Discount).LessThanOrEqualTo(p => p.GrossPrice)
            .When(p => p.Discount is not null && p.GrossPrice is not null)
            .WithMessage("discount cannot be larger than grossPrice.");
        RuleFor(p => p.GrossPrice).Must((p, v) => Currencies.FitsMinorUnits(v!.Value, p.Currency!))
            .When(p => p.GrossPrice is not null && Currencies.IsKnown(p.Currency))
            .WithMessage(p => $"grossPrice has more decimals than {p.Currency} allows.");
        RuleFor(p => p.Discount).Must((p, v) => Currencies.FitsMinorUnits(v!.Value, p.Currency!))
            .When(p => p.Discount is not null && Currencies.IsKnown(p.Currency))
            .WithMessage(p => $"discount has more decimals than {p.Currency} allows.");
        RuleFor(p => p.BoundMonths).InclusiveBetween(0, 120);
        RuleFor(p => p.BillingCycle).NotNull().When(p => p.PriceType == PriceType.Recurring)
            .WithMessage("billingCycle is required for RECURRING prices.");
        RuleFor(p => p.BillingCycle!.Interval).InclusiveBetween(1, 1000).When(p => p.BillingCycle is not null)
            .OverridePropertyName("billingCycle.interval");
        RuleFor(p => p.BillingCycle!.Period).IsInEnum().When(p => p.BillingCycle is not null)
            .OverridePropertyName("billingCycle.period");
    }
}
