using System.Text.Json.Nodes;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Mapster;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Features;

/// <summary>
/// The common half of every PATCH: load the document (404 when missing), write it out as its create
/// command, merge the patch in and validate the result like a create.
/// </summary>
internal sealed class DocumentPatcher(IDocumentSession session, IOptions<JsonOptions> json)
{
    public async Task<(TDocument Document, TCommand Patched)> LoadAndMergeAsync<TDocument, TCommand>(
        string id, JsonObject patch, string kind, string idProperty, IValidator<TCommand> validator,
        CancellationToken cancellationToken) where TDocument : notnull
    {
        var document = await session.LoadAsync<TDocument>(id, cancellationToken) ?? throw new NotFoundException(kind, id);
        var patched = await MergePatcher.ApplyAsync(document.Adapt<TCommand>(CatalogMapping.Config), patch, idProperty, id,
            json.Value.SerializerOptions, validator, cancellationToken);
        return (document, patched);
    }
}
