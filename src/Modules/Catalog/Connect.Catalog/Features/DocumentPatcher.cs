using System.Text.Json.Nodes;
using Connect.Catalog.Json;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using FluentValidation;
using Marten;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Features;

/// <summary>
/// The common half of every PATCH: load the document (404 when missing), check the preconditions (If-Match,
/// If-None-Match) against the representation of exactly that version (412), write it out as its create command, merge the patch in
/// and validate the result like a create. Documents use Marten's optimistic concurrency, so a writer that
/// commits between this load and our SaveChanges makes ours fail instead of being overwritten.
/// </summary>
internal sealed class DocumentPatcher(IDocumentSession session, IOptions<JsonOptions> json)
{
    public async Task<(TDocument Document, TCommand Patched)> LoadAndMergeAsync<TDocument, TCommand>(
        string id, JsonObject patch, Preconditions? preconditions, Func<TDocument, Task<object>> representation, Func<TDocument, TCommand> form,
        string kind, string idProperty, IValidator<TCommand> validator, CancellationToken cancellationToken) where TDocument : notnull
    {
        var document = await LoadCheckedAsync(id, preconditions, representation, kind, cancellationToken);
        var patched = await MergePatcher.ApplyAsync(form(document), patch, idProperty, id,
            json.Value.SerializerOptions, validator, cancellationToken);
        return (document, patched);
    }

    /// <summary>Loads the document (404 when missing) and checks the preconditions against the representation of that version (412).</summary>
    public async Task<TDocument> LoadCheckedAsync<TDocument>(string id, Preconditions? preconditions, Func<TDocument, Task<object>> representation,
        string kind, CancellationToken cancellationToken) where TDocument : notnull
    {
        var document = await session.LoadAsync<TDocument>(id, cancellationToken) ?? throw new NotFoundException(kind, id);
        if (preconditions is { IsEmpty: false })
            preconditions.Check(ETags.Of(await representation(document), json.Value.SerializerOptions));
        return document;
    }
}
