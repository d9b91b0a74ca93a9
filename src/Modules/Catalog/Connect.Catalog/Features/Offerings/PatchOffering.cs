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

namespace Connect.Catalog.Features.Offerings;

/// <summary><c>PATCH /product-offerings/{id}</c>: a JSON merge patch over the offering's writable form.</summary>
internal sealed record PatchOffering(string ProductOfferingId, JsonObject Patch) : ICommand<ProductOffering>;

internal sealed class PatchOfferingHandler(
    IDocumentSession session, TimeProvider clock, IOptions<JsonOptions> json, IValidator<CreateOffering> validator,
    OfferingAssembler assembler)
    : ICommandHandler<PatchOffering, ProductOffering>
{
    public async ValueTask<ProductOffering> Handle(PatchOffering command, CancellationToken cancellationToken)
    {
        var offering = await session.LoadAsync<OfferingDocument>(command.ProductOfferingId, cancellationToken)
            ?? throw new NotFoundException("Product offering", command.ProductOfferingId);
        var patched = await MergePatcher.ApplyAsync(offering.Adapt<CreateOffering>(CatalogMapping.Config), command.Patch,
            "productOfferingId", offering.Id, json.Value.SerializerOptions, validator, cancellationToken);
        await patched.ApplyAsync(offering, session, clock.GetUtcNow(), cancellationToken);
        session.Store(offering);
        return await assembler.AssembleOneAsync(offering, null, cancellationToken);
    }
}
