using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using Connect.SharedKernel.Http;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /products/{id}</c>: a JSON merge patch over the product's writable form.</summary>
internal sealed record PatchProduct(string ProductId, JsonObject Patch, Preconditions? Preconditions = null) : IPatchCommand<Product>
{
    string IPatchCommand<Product>.Id => ProductId;
}

internal sealed class PatchProductHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateProduct> validator, CatalogChangeLog log)
    : PatchHandler<PatchProduct, ProductDocument, CreateProduct, Product>(session, clock, patcher, validator)
{
    protected override string Kind => "Product";
    protected override string IdProperty => "productId";
    protected override CreateProduct FormOf(ProductDocument document) => document.ToForm();

    protected override Task ApplyAsync(CreateProduct form, ProductDocument document, DateTimeOffset now, CancellationToken cancellationToken)
    {
        form.Apply(document, now);
        return Task.CompletedTask;
    }

    protected override Task<Product> ShowAsync(ProductDocument document, CancellationToken cancellationToken) =>
        Task.FromResult(document.ToResponse());

    protected override async Task RecordAsync(ProductDocument document, Product shown, CancellationToken cancellationToken)
    {
        log.Product(document, ChangeKinds.Updated);

        // Offerings keep a copy of their product's type and category for filtering; keep it in step.
        var offerings = await Session.Query<OfferingDocument>().Where(o => o.ProductId == document.Id).ToListAsync(cancellationToken);
        foreach (var offering in offerings.Where(o => o.ProductType != document.Type || o.ProductCategory != document.Category))
        {
            offering.CopyFrom(document);
            Session.Store(offering);
        }
        await log.OfferingsOfProductAsync(document, offerings, document.UpdatedAt, cancellationToken);
    }
}
