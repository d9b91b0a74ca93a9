using System.Text.Json.Nodes;
using Connect.Catalog.ChangeLog;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Http;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-offering-groups/{id}</c>: a JSON merge patch over the group's writable form.</summary>
internal sealed record PatchOfferingGroup(string ProductOfferingGroupId, JsonObject Patch, Preconditions? Preconditions = null)
    : IPatchCommand<ProductOfferingGroup>
{
    string IPatchCommand<ProductOfferingGroup>.Id => ProductOfferingGroupId;
}

internal sealed class PatchOfferingGroupHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateOfferingGroup> validator, CatalogChangeLog log)
    : PatchHandler<PatchOfferingGroup, OfferingGroupDocument, CreateOfferingGroup, ProductOfferingGroup>(session, clock, patcher, validator)
{
    protected override string Kind => "Product offering group";
    protected override string IdProperty => "productOfferingGroupId";
    protected override CreateOfferingGroup FormOf(OfferingGroupDocument document) => document.ToForm();

    protected override Task ApplyAsync(CreateOfferingGroup form, OfferingGroupDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        form.Apply(document, now);
        return Task.CompletedTask;
    }

    protected override Task<ProductOfferingGroup> ShowAsync(OfferingGroupDocument document, CancellationToken cancellationToken) =>
        Task.FromResult(document.ToResponse());

    protected override Task RecordAsync(OfferingGroupDocument document, ProductOfferingGroup shown, CancellationToken cancellationToken)
    {
        log.Group(document, ChangeKinds.Updated);
        return log.OfferingsOfGroupAsync(document, document.UpdatedAt, cancellationToken);
    }
}
