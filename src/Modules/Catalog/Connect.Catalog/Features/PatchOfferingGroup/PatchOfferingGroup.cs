using System.Text.Json.Nodes;
using Connect.Catalog.ChangeLog;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Http;
using FluentValidation;
using Mapster;
using Marten;
using Mediator;

namespace Connect.Catalog.Features;

/// <summary><c>PATCH /product-offering-groups/{id}</c>: a JSON merge patch over the group's writable form.</summary>
internal sealed record PatchOfferingGroup(string ProductOfferingGroupId, JsonObject Patch, Preconditions? Preconditions = null) : ICommand<ProductOfferingGroup>;

internal sealed class PatchOfferingGroupHandler(
    IDocumentSession session, TimeProvider clock, DocumentPatcher patcher, IValidator<CreateOfferingGroup> validator, CatalogChangeLog log)
    : ICommandHandler<PatchOfferingGroup, ProductOfferingGroup>
{
    public async ValueTask<ProductOfferingGroup> Handle(PatchOfferingGroup command, CancellationToken cancellationToken)
    {
        var (group, patched) = await patcher.LoadAndMergeAsync<OfferingGroupDocument, CreateOfferingGroup>(
            command.ProductOfferingGroupId, command.Patch, command.Preconditions,
            g => Task.FromResult<object>(g.Adapt<ProductOfferingGroup>(CatalogMapping.Config)), "Product offering group", "productOfferingGroupId", validator, cancellationToken);
        patched.Apply(group, clock.GetUtcNow());
        session.Store(group);
        log.Group(group, ChangeKinds.Updated);
        await log.OfferingsOfGroupAsync(group, group.UpdatedAt, cancellationToken);
        return group.Adapt<ProductOfferingGroup>(CatalogMapping.Config);
    }
}
