using Connect.SharedKernel.Http;
using System.Text.Json.Nodes;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features.Offerings;

/// <summary><c>PATCH /product-offerings/{id}</c>: a JSON merge patch over the offering's writable form.</summary>
internal sealed record PatchOffering(string ProductOfferingId, JsonObject Patch, Preconditions? Preconditions = null) : ICommand<ProductOffering>;

internal sealed class PatchOfferingHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateOffering> validator,
    OfferingAssembler assembler)
    : ICommandHandler<PatchOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(PatchOffering command, CancellationToken cancellationToken)
    {
        var (offering, patched) = await patcher.LoadAndMergeAsync<OfferingDocument, CreateOffering>(
            command.ProductOfferingId, command.Patch, command.Preconditions,
            async o => await assembler.AssembleOneAsync(o, null, cancellationToken), "Product offering", "productOfferingId", validator, cancellationToken);
        await patched.ApplyAsync(offering, session, clock.GetUtcNow(), cancellationToken);
        session.Store(offering);
        return await assembler.AssembleOneAsync(offering, null, cancellationToken);
    }
}
