using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.Contracts;
using Connect.SharedKernel;
using Connect.Catalog.Domain;
using Connect.Catalog.Json;
using Connect.Catalog.Reading;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>Body of <c>POST /product-offerings</c>, and the writable form a PATCH merges into.</summary>
internal sealed record CreateOffering : ICommand<ProductOffering>
{
    public string? ProductOfferingId { get; init; }
    [MaxLength(CatalogBounds.Name)] public string? Name { get; init; }
    public string? ProductId { get; init; }
    public string? ProductOfferingGroupId { get; init; }
    public CustomerType? CustomerType { get; init; }
    public PriceInput? Price { get; init; }
    [MaxLength(CatalogBounds.Description)] public string? Description { get; init; }
    [MaxLength(CatalogBounds.RichContent)] public string? RichContent { get; init; }
    [MaxLength(CatalogBounds.AddonCategories)] public List<ProductCategory>? AddonCategories { get; init; }
    [MaxLength(CatalogBounds.Description)] public string? InternalDescription { get; init; }
    [MaxLength(CatalogBounds.ImageUrl)] public string? ImageUrl { get; init; }
    [MaxLength(MetadataRules.MaxKeys)] public Dictionary<string, JsonElement>? Metadata { get; init; }

    /// <summary>The acting API key's id, the creation entry's <c>changedBy</c>; set by the endpoint, never read from a body.</summary>
    [ServerAssigned]
    public string? ChangedBy { get; init; }
}

/// <summary>The writable part of a price; <c>netPrice</c> is always computed.</summary>
internal sealed record PriceInput
{
    public string? Currency { get; init; }
    public PriceType? PriceType { get; init; }
    public decimal? GrossPrice { get; init; }
    public decimal? Discount { get; init; }
    public int? BoundMonths { get; init; }
    public BillingCycle? BillingCycle { get; init; }
    public bool? TaxIncluded { get; init; }
}

internal sealed class CreateOfferingHandler(IDocumentSession session, TimeProvider clock, OfferingAssembler assembler, CatalogChangeLog log)
    : CreateHandler<CreateOffering, OfferingDocument, ProductOffering>(session, clock)
{
    protected override string? IdOf(CreateOffering form) => form.ProductOfferingId;
    protected override OfferingDocument New(string id, DateTimeOffset now) => new() { Id = id, CreatedAt = now };

    protected override Task ApplyAsync(CreateOffering form, OfferingDocument document, DateTimeOffset now, CancellationToken cancellationToken) =>
        form.ApplyAsync(document, Session, now, cancellationToken);

    protected override Task<ProductOffering> ShowAsync(OfferingDocument document, CancellationToken cancellationToken) =>
        assembler.AssembleOneAsync(document, null, cancellationToken);

    protected override Task RecordAsync(CreateOffering form, OfferingDocument document, ProductOffering shown, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        // Every offering's status history starts with its creation (the projection sets the status from it).
        Session.Events.StartStream<OfferingDocument>(document.Id, new ProductOfferingCreated(form.ChangedBy ?? ConnectClaims.SystemActor, now));
        log.Offering(shown, ChangeKinds.Created, now, changedBy: form.ChangedBy);
        return Task.CompletedTask;
    }
}

internal static class CreateOfferingExtensions
{
    /// <summary>Copies the command onto the document after checking that its product and group exist.</summary>
    public static async Task ApplyAsync(this CreateOffering command, OfferingDocument offering, IQuerySession session,
        DateTimeOffset now, CancellationToken cancellationToken)
    {
        var product = await session.LoadAsync<ProductDocument>(command.ProductId!, cancellationToken)
            ?? throw new ValidationFailedException("productId", $"Product '{command.ProductId}' does not exist.");
        if (command.ProductOfferingGroupId is { } groupId &&
            await session.LoadAsync<OfferingGroupDocument>(groupId, cancellationToken) is null)
            throw new ValidationFailedException("productOfferingGroupId", $"Product offering group '{groupId}' does not exist.");

        var price = command.Price!;
        offering.Name = command.Name!;
        offering.ProductId = product.Id;
        offering.CopyFrom(product);
        offering.ProductOfferingGroupId = command.ProductOfferingGroupId;
        offering.CustomerType = command.CustomerType!.Value;
        offering.Price = new StoredPrice
        {
            Currency = price.Currency!,
            PriceType = price.PriceType!.Value,
            // Same value, canonical scale: "5.0000" is stored and shown as 5.00 (USD).
            GrossPrice = Currencies.Round(price.GrossPrice!.Value, price.Currency!),
            Discount = Currencies.Round(price.Discount ?? 0m, price.Currency!),
            BoundMonths = price.BoundMonths,
            BillingCycle = price.BillingCycle,
            TaxIncluded = price.TaxIncluded!.Value,
        };
        offering.NetPrice = offering.Price.GrossPrice - offering.Price.Discount;
        offering.Description = command.Description;
        offering.RichContent = command.RichContent;
        offering.AddonCategories = command.AddonCategories ?? [];
        offering.InternalDescription = command.InternalDescription;
        offering.ImageUrl = command.ImageUrl;
        offering.Metadata = command.Metadata;
        offering.UpdatedAt = now;
    }
}
