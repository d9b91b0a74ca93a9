using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using Connect.SharedKernel.Http;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-catalogs/{id}</c>: a JSON merge patch over the catalog's writable form.</summary>
internal sealed record PatchCatalog(string ProductCatalogId, JsonObject Patch, Preconditions? Preconditions = null) : IPatchCommand<ProductCatalog>
{
    string IPatchCommand<ProductCatalog>.Id => ProductCatalogId;
}

internal sealed class PatchCatalogHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateCatalog> validator,
    CatalogAssembler assembler, CatalogChangeLog log)
    : PatchHandler<PatchCatalog, CatalogDocument, CreateCatalog, ProductCatalog>(session, clock, patcher, validator)
{
    protected override string Kind => "Product catalog";
    protected override string IdProperty => "productCatalogId";
    protected override CreateCatalog FormOf(CatalogDocument document) => document.ToForm();

    protected override Task ApplyAsync(CreateCatalog form, CatalogDocument document, DateTimeOffset now, CancellationToken cancellationToken) =>
        form.ApplyAsync(document, Session, now, log, cancellationToken);

    protected override Task<ProductCatalog> ShowAsync(CatalogDocument document, CancellationToken cancellationToken) =>
        assembler.AssembleAsync(document, null, cancellationToken);

    protected override Task RecordAsync(CatalogDocument document, ProductCatalog shown, CancellationToken cancellationToken)
    {
        log.Catalog(document, ChangeKinds.Updated);
        return Task.CompletedTask;
    }
}
