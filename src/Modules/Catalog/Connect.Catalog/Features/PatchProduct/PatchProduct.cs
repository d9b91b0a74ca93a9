using Connect.SharedKernel.ChangeLog;
using Connect.Catalog.ChangeLog;
using Connect.SharedKernel.Http;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using FluentValidation;
using Mapster;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /products/{id}</c>: a JSON merge patch over the product's writable form.</summary>
internal sealed record PatchProduct(string ProductId, JsonObject Patch, Preconditions? Preconditions = null) : ICommand<Product>;

internal sealed class PatchProductHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateProduct> validator, CatalogChangeLog log)
    : ICommandHandler<PatchProduct, Product>
{
    public async ValueTask<Product> Handle(PatchProduct command, CancellationToken cancellationToken)
    {
        var (product, patched) = await patcher.LoadAndMergeAsync<ProductDocument, CreateProduct>(
            command.ProductId, command.Patch, command.Preconditions,
            p => Task.FromResult<object>(p.Adapt<Product>(CatalogMapping.Config)), "Product", "productId", validator, cancellationToken);
        patched.Apply(product, clock.GetUtcNow());
        session.Store(product);
        log.Product(product, ChangeKinds.Updated);

        // Offerings keep a copy of their product's type and category for filtering; keep it in step.
        var offerings = await session.Query<OfferingDocument>().Where(o => o.ProductId == product.Id).ToListAsync(cancellationToken);
        foreach (var offering in offerings.Where(o => o.ProductType != product.Type || o.ProductCategory != product.Category))
        {
            offering.CopyFrom(product);
            session.Store(offering);
        }
        await log.OfferingsOfProductAsync(product, offerings, product.UpdatedAt, cancellationToken);
        return product.Adapt<Product>(CatalogMapping.Config);
    }
}
