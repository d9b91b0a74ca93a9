using Connect.SharedKernel.ChangeLog;
using System.ComponentModel.DataAnnotations;
using Connect.Catalog.Contracts;
using Connect.Pricing.Contracts;
using Connect.SharedKernel;
using Connect.Pricing.Domain;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Messaging;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>Body of <c>POST /promo-codes</c> (spec §5).</summary>
internal sealed record CreatePromoCode : ICommand<PromoCode>
{
    public string? Code { get; init; }
    public DiscountType? DiscountType { get; init; }
    public decimal? Value { get; init; }
    public string? Currency { get; init; }
    public DateTimeOffset? ValidFrom { get; init; }
    public DateTimeOffset? ValidUntil { get; init; }
    public CreatePromoCodeTargets? AppliesTo { get; init; }
    public CustomerType? CustomerType { get; init; }

    /// <summary>The acting API key id; set by the endpoint, never read from the body.</summary>
    [ServerAssigned] public string? ChangedBy { get; init; }
}

/// <summary>The <c>appliesTo</c> of a create body: every list optional.</summary>
internal sealed record CreatePromoCodeTargets
{
    [MaxLength(CreatePromoCodeValidator.MaxOfferings)] public List<string?>? ProductOfferingIds { get; init; }
    [MaxLength(CreatePromoCodeValidator.MaxGroups)] public List<string?>? ProductOfferingGroupIds { get; init; }
    [MaxLength(CreatePromoCodeValidator.MaxKinds)] public List<ProductCategory>? Categories { get; init; }
    [MaxLength(CreatePromoCodeValidator.MaxKinds)] public List<ProductType>? Types { get; init; }
}

internal sealed class CreatePromoCodeValidator : AbstractValidator<CreatePromoCode>
{
    // A code is listed a thousand to a page, with its archived targets (a subset of its offerings) beside them.
    public const int MaxOfferings = 200;
    public const int MaxGroups = 100;
    public const int MaxKinds = 20;

    public CreatePromoCodeValidator()
    {
        RuleFor(c => c.Code).NotEmpty().Must(PromoCodeFormat.IsValid).WithMessage($"code {PromoCodeFormat.Rule}.");
        RuleFor(c => c.DiscountType).NotNull();
        RuleFor(c => c.Value).NotNull();
        When(c => c.DiscountType == Contracts.DiscountType.Percentage, () =>
        {
            RuleFor(c => c.Value).GreaterThan(0m).LessThanOrEqualTo(100m)
                .Must(v => v is null || decimal.Round(v.Value, 4) == v.Value).WithMessage("value may have at most 4 decimals.");
            RuleFor(c => c.Currency).Null().WithMessage("currency applies to AMOUNT codes only.");
        });
        When(c => c.DiscountType == Contracts.DiscountType.Amount, () =>
        {
            RuleFor(c => c.Value).GreaterThan(0m).LessThanOrEqualTo(1_000_000_000m);
            RuleFor(c => c.Currency).NotEmpty().Must(Currencies.IsKnown).WithMessage("currency must be a supported ISO 4217 code (e.g. USD).");
            RuleFor(c => c.Value).Must((c, v) => v is null || !Currencies.IsKnown(c.Currency) || Currencies.FitsMinorUnits(v.Value, c.Currency!))
                .WithMessage("value has more decimals than the currency's minor unit.");
        });
        RuleFor(c => c.ValidUntil).GreaterThan(c => c.ValidFrom)
            .When(c => c.ValidFrom is not null && c.ValidUntil is not null).WithMessage("validUntil must be after validFrom.");
        When(c => c.AppliesTo is not null, () =>
        {
            RuleFor(c => c.AppliesTo!.ProductOfferingIds).Must(ids => BeIds(ids, MaxOfferings)).OverridePropertyName("appliesTo.productOfferingIds")
                .WithMessage($"each id {Ids.Rule}, at most {MaxOfferings}.");
            RuleFor(c => c.AppliesTo!.ProductOfferingGroupIds).Must(ids => BeIds(ids, MaxGroups)).OverridePropertyName("appliesTo.productOfferingGroupIds")
                .WithMessage($"each id {Ids.Rule}, at most {MaxGroups}.");
            RuleFor(c => c.AppliesTo!.Categories).Must(l => l is null || l.Count <= MaxKinds).OverridePropertyName("appliesTo.categories")
                .WithMessage($"appliesTo.categories holds at most {MaxKinds} entries.");
            RuleFor(c => c.AppliesTo!.Types).Must(l => l is null || l.Count <= MaxKinds).OverridePropertyName("appliesTo.types")
                .WithMessage($"appliesTo.types holds at most {MaxKinds} entries.");
        });
    }

    private static bool BeIds(List<string?>? ids, int max) => ids is null || (ids.Count <= max && ids.All(Ids.IsValid));
}

internal sealed class CreatePromoCodeHandler(IDocumentSession session, TimeProvider clock, NotificationBuffer notifications, ChangeRecorder changes)
    : ICommandHandler<CreatePromoCode, PromoCode>
{
    public async ValueTask<PromoCode> Handle(CreatePromoCode command, CancellationToken cancellationToken)
    {
        var id = PromoCodeDocument.Normalize(command.Code!);
        if (await session.LoadAsync<PromoCodeDocument>(id, cancellationToken) is not null)
            throw new ConflictException($"Promo code '{id}' already exists (codes are compared without case).");

        var now = clock.GetUtcNow();
        var targets = command.AppliesTo ?? new CreatePromoCodeTargets();
        var code = new PromoCodeDocument
        {
            Id = id,
            DiscountType = command.DiscountType!.Value,
            Value = command.Value!.Value,
            Currency = command.Currency,
            ValidFrom = command.ValidFrom,
            ValidUntil = command.ValidUntil,
            ProductOfferingIds = [.. (targets.ProductOfferingIds ?? []).OfType<string>().Distinct()],
            ProductOfferingGroupIds = [.. (targets.ProductOfferingGroupIds ?? []).OfType<string>().Distinct()],
            Categories = [.. (targets.Categories ?? []).Distinct()],
            Types = [.. (targets.Types ?? []).Distinct()],
            CustomerType = command.CustomerType,
            CreatedAt = now,
            UpdatedAt = now,
        };
        var created = await ArchivedTargets.ViewAsync(session, code, cancellationToken);
        // Insert fails on a concurrent create of the same code; the stream start does too.
        session.Insert(code);
        session.Events.StartStream<PromoCodeDocument>(PromoCodeDocument.StreamKey(id), new PromoCodeCreated(id, code.DiscountType, code.Value, code.Currency,
            code.ValidFrom, code.ValidUntil, created.AppliesTo, code.CustomerType, now, command.ChangedBy));
        notifications.Raise(new PromoCodeCreatedNotification(created));
        changes.Record(ResourceTypes.PromoCode, id, ChangeKinds.Created, created, now, changedBy: command.ChangedBy);
        return created;
    }
}
