using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using Connect.SharedKernel.Http;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-offerings/{id}</c>: a JSON merge patch over the offering's writable form.</summary>
internal sealed record PatchOffering(string ProductOfferingId, JsonObject Patch, Preconditions? Preconditions = null) : IPatchCommand<ProductOffering>
{
    string IPatchCommand<ProductOffering>.Id => ProductOfferingId;
}

internal sealed class PatchOfferingHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateOffering> validator,
    OfferingAssembler assembler, CatalogChangeLog log)
    : PatchHandler<PatchOffering, OfferingDocument, CreateOffering, ProductOffering>(session, clock, patcher, validator)
{
    protected override string Kind => "Product offering";
    protected override string IdProperty => "productOfferingId";
    protected override CreateOffering FormOf(OfferingDocument document) => document.ToForm();

    protected override async Task ApplyAsync(CreateOffering form, OfferingDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (form.CustomerType is { } customerType && customerType != document.CustomerType)
            await RefuseWhileListedAsync(document.Id, customerType, cancellationToken);
        await form.ApplyAsync(document, Session, now, cancellationToken);
    }

    protected override Task<ProductOffering> ShowAsync(OfferingDocument document, CancellationToken cancellationToken) =>
        assembler.AssembleOneAsync(document, null, cancellationToken);

    protected override Task RecordAsync(OfferingDocument document, ProductOffering shown, CancellationToken cancellationToken)
    {
        log.Offering(shown, ChangeKinds.Updated, document.UpdatedAt);
        return Task.CompletedTask;
    }

    /// <summary>
    /// A catalog shows only offerings of its own customer type, so changing the type of an offering a catalog of the
    /// old type lists would take it off that catalog without a word: the operator takes it out of them first.
    /// </summary>
    private async Task RefuseWhileListedAsync(string offeringId, CustomerType customerType, CancellationToken cancellationToken)
    {
        const int named = 10;
        var listing = await Session.Query<CatalogDocument>()
            .Where(c => c.ProductOfferingIds.Contains(offeringId) && c.CustomerType != customerType)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(named + 1).ToListAsync(cancellationToken);
        if (listing.Count == 0) return;
        var catalogs = string.Join(", ", listing.Take(named).Select(id => $"'{id}'")) + (listing.Count > named ? " and more" : "");
        throw new ConflictException($"Product offering '{offeringId}' is listed by catalogs of another customer type ({catalogs}); " +
                                    $"take it out of them before changing its customerType to {WireEnum<CustomerType>.Name(customerType)}.");
    }
}
