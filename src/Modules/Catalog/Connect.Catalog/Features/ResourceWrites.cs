using System.Text.Json.Nodes;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary>A PATCH: a JSON merge patch (RFC 7396) over one resource's writable form.</summary>
internal interface IPatchCommand<TResponse> : ICommand<TResponse>
{
    string Id { get; }
    JsonObject Patch { get; }
    Preconditions? Preconditions { get; }
}

/// <summary>
/// Every create: the given id or a new one, the writable form applied, the document inserted, and the answer is the
/// representation its GET shows; what each resource adds (its change log entry, an event stream) is in <see cref="RecordAsync"/>.
/// </summary>
internal abstract class CreateHandler<TForm, TDocument, TResponse>(IDocumentSession session, TimeProvider clock)
    : ICommandHandler<TForm, TResponse> where TForm : ICommand<TResponse> where TDocument : notnull
{
    protected IDocumentSession Session { get; } = session;

    protected abstract string? IdOf(TForm form);
    protected abstract TDocument New(string id, DateTimeOffset now);
    protected abstract Task ApplyAsync(TForm form, TDocument document, DateTimeOffset now, CancellationToken cancellationToken);
    protected abstract Task<TResponse> ShowAsync(TDocument document, CancellationToken cancellationToken);
    protected abstract Task RecordAsync(TForm form, TDocument document, TResponse shown, DateTimeOffset now, CancellationToken cancellationToken);

    public async ValueTask<TResponse> Handle(TForm command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var document = New(IdOf(command) ?? Ids.New(), now);
        await ApplyAsync(command, document, now, cancellationToken);
        Session.Insert(document);
        var shown = await ShowAsync(document, cancellationToken);
        await RecordAsync(command, document, shown, now, cancellationToken);
        return shown;
    }
}

/// <summary>
/// Every PATCH: <see cref="DocumentPatcher"/> loads the document (404), checks the preconditions (412) and merges the patch into
/// its writable form validated like a create; the form is applied as a create applies it, and the answer is what the GET shows now.
/// </summary>
internal abstract class PatchHandler<TPatch, TDocument, TForm, TResponse>(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<TForm> validator)
    : ICommandHandler<TPatch, TResponse> where TPatch : IPatchCommand<TResponse> where TDocument : notnull where TResponse : notnull
{
    protected IDocumentSession Session { get; } = session;

    /// <summary>What a missing one is called in the 404 (<c>Product offering</c>).</summary>
    protected abstract string Kind { get; }

    /// <summary>The read-only id field of the writable form (<c>productOfferingId</c>).</summary>
    protected abstract string IdProperty { get; }

    /// <summary>The document as its writable form, the patch's starting point.</summary>
    protected abstract TForm FormOf(TDocument document);
    protected abstract Task ApplyAsync(TForm form, TDocument document, DateTimeOffset now, CancellationToken cancellationToken);
    protected abstract Task<TResponse> ShowAsync(TDocument document, CancellationToken cancellationToken);
    protected abstract Task RecordAsync(TDocument document, TResponse shown, CancellationToken cancellationToken);

    public async ValueTask<TResponse> Handle(TPatch command, CancellationToken cancellationToken)
    {
        var (document, form) = await patcher.LoadAndMergeAsync<TDocument, TForm>(command.Id, command.Patch, command.Preconditions,
            async d => await ShowAsync(d, cancellationToken), FormOf, Kind, IdProperty, validator, cancellationToken);
        await ApplyAsync(form, document, clock.GetUtcNow(), cancellationToken);
        Session.Store(document);
        var shown = await ShowAsync(document, cancellationToken);
        await RecordAsync(document, shown, cancellationToken);
        return shown;
    }
}
