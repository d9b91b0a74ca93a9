using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Json;
using Connect.Catalog.Reading;
using Connect.SharedKernel;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>Body of <c>POST /product-catalogs</c>, and the writable form a PATCH merges into.</summary>
internal sealed record CreateCatalog : ICommand<ProductCatalog>
{
    public string? ProductCatalogId { get; init; }
    [MaxLength(CatalogBounds.Name)] public string? Name { get; init; }

    [JsonPropertyName("external_reference"), MaxLength(CatalogBounds.ExternalReference)]
    public string? ExternalReference { get; init; }
    [MaxLength(CatalogBounds.CatalogDescription)] public string? Description { get; init; }
    public CustomerType? CustomerType { get; init; }
    public string? Locale { get; init; }
    public bool? IsDefault { get; init; }
    [MaxLength(CatalogBounds.CatalogOfferings)] public List<string>? ProductOfferingIds { get; init; }
    [MaxLength(CatalogBounds.CatalogGroups)] public List<string>? ProductOfferingGroupIds { get; init; }
    [MaxLength(MetadataRules.MaxKeys)] public Dictionary<string, JsonElement>? Metadata { get; init; }
}

internal sealed partial class CreateCatalogValidator : AbstractValidator<CreateCatalog>
{
    [System.Text.RegularExpressions.GeneratedRegex("^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}\\z")]
    private static partial System.Text.RegularExpressions.Regex Bcp47();

    public CreateCatalogValidator()
    {
        RuleFor(c => c.ProductCatalogId).Must(Ids.IsValid).When(c => c.ProductCatalogId is not null).WithMessage(Ids.Rule);
        RuleFor(c => c.ProductCatalogId).NotEqual("default", StringComparer.OrdinalIgnoreCase).WithMessage("'default' names the default catalog and cannot be an id.");
        RuleFor(c => c.Name).NotEmpty().MaximumLength(CatalogBounds.Name);
        RuleFor(c => c.ExternalReference).MaximumLength(CatalogBounds.ExternalReference);
        RuleFor(c => c.Description).MaximumLength(CatalogBounds.CatalogDescription);
        RuleFor(c => c.CustomerType).NotNull();
        RuleFor(c => c.Locale!).Matches(Bcp47()).When(c => c.Locale is not null).WithMessage("locale must be a BCP 47 tag such as 'en-US'.");
        RuleFor(c => c.ProductOfferingIds).Must(ids => ids!.Count <= CatalogBounds.CatalogOfferings && ids.Distinct().Count() == ids.Count)
            .When(c => c.ProductOfferingIds is not null).WithMessage($"productOfferingIds must be distinct (at most {CatalogBounds.CatalogOfferings}).");
        RuleFor(c => c.ProductOfferingGroupIds).Must(ids => ids!.Count <= CatalogBounds.CatalogGroups && ids.Distinct().Count() == ids.Count)
            .When(c => c.ProductOfferingGroupIds is not null).WithMessage($"productOfferingGroupIds must be distinct (at most {CatalogBounds.CatalogGroups}).");
        RuleFor(c => c.Metadata).MustBeSmallMetadata();
        RuleForEach(c => c.ProductOfferingIds).Must(Ids.IsValid).WithMessage(Ids.Rule);
        RuleForEach(c => c.ProductOfferingGroupIds).Must(Ids.IsValid).WithMessage(Ids.Rule);
    }
}

internal sealed class CreateCatalogHandler(IDocumentSession session, TimeProvider clock, CatalogAssembler assembler, CatalogChangeLog log)
    : CreateHandler<CreateCatalog, CatalogDocument, ProductCatalog>(session, clock)
{
    protected override string? IdOf(CreateCatalog form) => form.ProductCatalogId;
    protected override CatalogDocument New(string id, DateTimeOffset now) => new() { Id = id, CreatedAt = now };

    protected override Task ApplyAsync(CreateCatalog form, CatalogDocument document, DateTimeOffset now, CancellationToken cancellationToken) =>
        form.ApplyAsync(document, Session, now, log, cancellationToken);

    protected override Task<ProductCatalog> ShowAsync(CatalogDocument document, CancellationToken cancellationToken) =>
        assembler.AssembleAsync(document, null, cancellationToken);

    protected override Task RecordAsync(CreateCatalog form, CatalogDocument document, ProductCatalog shown, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        log.Catalog(document, ChangeKinds.Created);
        return Task.CompletedTask;
    }
}

internal static class CreateCatalogExtensions
{
    public static async Task ApplyAsync(this CreateCatalog command, CatalogDocument catalog, IDocumentSession session,
        DateTimeOffset now, CatalogChangeLog log, CancellationToken cancellationToken)
    {
        var offeringIds = command.ProductOfferingIds ?? [];
        var groupIds = command.ProductOfferingGroupIds ?? [];
        var added = AddedOfferings(command, catalog, offeringIds);
        var offerings = added.Count == 0 ? [] : await session.LoadManyAsync<OfferingDocument>(cancellationToken, added);
        var errors = added.Except(offerings.Select(o => o.Id))
            .Select(id => new FieldError("productOfferingIds", $"Product offering '{id}' does not exist.")).ToList();
        errors.AddRange(offerings.Where(o => o.CustomerType != command.CustomerType)
            .Select(o => new FieldError("productOfferingIds", $"Product offering '{o.Id}' is for {WireEnum<CustomerType>.Name(o.CustomerType)} customers, not {WireEnum<CustomerType>.Name(command.CustomerType!.Value)}.")));
        var groups = groupIds.Count == 0 ? [] : await session.LoadManyAsync<OfferingGroupDocument>(cancellationToken, groupIds);
        errors.AddRange(groupIds.Except(groups.Select(g => g.Id))
            .Select(id => new FieldError("productOfferingGroupIds", $"Product offering group '{id}' does not exist.")));
        if (errors.Count > 0)
            throw new ValidationFailedException(errors);

        catalog.Name = command.Name!;
        catalog.ExternalReference = command.ExternalReference;
        catalog.Description = command.Description;
        catalog.CustomerType = command.CustomerType!.Value;
        catalog.Locale = command.Locale;
        catalog.IsDefault = command.IsDefault ?? false;
        catalog.ProductOfferingIds = offeringIds;
        catalog.ProductOfferingGroupIds = groupIds;
        catalog.Metadata = command.Metadata;
        catalog.UpdatedAt = now;
        catalog.RefreshDefaultKey();
        if (catalog.DefaultKey is { } key)
            await TakeDefaultMarkAsync(session, catalog.Id, key, now, log, cancellationToken);
    }

    /// <summary>
    /// The offerings to check: the ones the change adds, or all when it sets the customer type. One listed before keeps
    /// its place even if its own customer type has changed since (the catalog does not show it), so it never blocks an
    /// unrelated change of the catalog.
    /// </summary>
    private static List<string> AddedOfferings(CreateCatalog command, CatalogDocument catalog, List<string> offeringIds)
    {
        if (catalog.ProductOfferingIds.Count == 0 || command.CustomerType != catalog.CustomerType) return offeringIds;
        var listed = catalog.ProductOfferingIds.ToHashSet(StringComparer.Ordinal);
        return offeringIds.Where(id => !listed.Contains(id)).ToList();
    }

    // Marking a catalog default takes the mark from the one that had it, in the same transaction (spec §3).
    private static async Task TakeDefaultMarkAsync(IDocumentSession session, string catalogId, string key,
        DateTimeOffset now, CatalogChangeLog log, CancellationToken cancellationToken)
    {
        var previous = await session.Query<CatalogDocument>().Where(c => c.DefaultKey == key && c.Id != catalogId)
            .ToListAsync(cancellationToken);
        foreach (var other in previous)
        {
            other.IsDefault = false;
            other.RefreshDefaultKey();
            other.UpdatedAt = now;
            session.Store(other);
            log.Catalog(other, ChangeKinds.Updated);
        }
    }
}
