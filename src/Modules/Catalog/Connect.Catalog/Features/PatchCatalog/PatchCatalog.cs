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
internal sealed record PatchCatalog(string ProductCatalogId, JsonObject Patch, Preconditions? Preconditions = null) : ICommand<ProductCatalog>;

internal sealed class PatchCatalogHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateCatalog> validator,
    CatalogAssembler assembler, CatalogChangeLog log)
    : ICommandHandler<PatchCatalog, ProductCatalog>
{
    public async ValueTask<ProductCatalog> Handle(PatchCatalog command, CancellationToken cancellationToken)
    {
        var (catalog, patched) = await patcher.LoadAndMergeAsync<CatalogDocument, CreateCatalog>(
            command.ProductCatalogId, command.Patch, command.Preconditions,
            async c => await assembler.AssembleAsync(c, null, cancellationToken), "Product catalog", "productCatalogId", validator, cancellationToken);
        await patched.ApplyAsync(catalog, session, clock.GetUtcNow(), log, cancellationToken);
        session.Store(catalog);
        log.Catalog(catalog, ChangeKinds.Updated);
        return await assembler.AssembleAsync(catalog, null, cancellationToken);
    }
}
