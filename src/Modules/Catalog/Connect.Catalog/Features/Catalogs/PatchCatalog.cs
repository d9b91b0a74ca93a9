using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Mapster;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Features.Catalogs;

/// <summary><c>PATCH /product-catalogs/{id}</c>: a JSON merge patch over the catalog's writable form.</summary>
internal sealed record PatchCatalog(string ProductCatalogId, JsonObject Patch) : ICommand<ProductCatalog>;

internal sealed class PatchCatalogHandler(
    IDocumentSession session, TimeProvider clock, IOptions<JsonOptions> json, IValidator<CreateCatalog> validator,
    CatalogAssembler assembler)
    : ICommandHandler<PatchCatalog, ProductCatalog>
{
    public async ValueTask<ProductCatalog> Handle(PatchCatalog command, CancellationToken cancellationToken)
    {
        var catalog = await session.LoadAsync<CatalogDocument>(command.ProductCatalogId, cancellationToken)
            ?? throw new NotFoundException("Product catalog", command.ProductCatalogId);
        var patched = await MergePatcher.ApplyAsync(catalog.Adapt<CreateCatalog>(CatalogMapping.Config), command.Patch,
            "productCatalogId", catalog.Id, json.Value.SerializerOptions, validator, cancellationToken);
        await patched.ApplyAsync(catalog, session, clock.GetUtcNow(), cancellationToken);
        session.Store(catalog);
        return await assembler.AssembleAsync(catalog, null, cancellationToken);
    }
}
