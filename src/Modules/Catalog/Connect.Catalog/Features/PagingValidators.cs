using Connect.Catalog.Contracts;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Paging;
using FluentValidation;

namespace Connect.Catalog.Features;

internal sealed class ListProductOfferingGroupsValidator : AbstractValidator<ListProductOfferingGroups>
{
    public ListProductOfferingGroupsValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListProductCatalogsValidator : AbstractValidator<ListProductCatalogs>
{
    public ListProductCatalogsValidator() => this.AddPagingRules(q => q.Limit, q => q.Offset);
}

internal sealed class ListProductOfferingsValidator : AbstractValidator<ListProductOfferings>
{
    public ListProductOfferingsValidator()
    {
        this.AddPagingRules(q => q.Limit, q => q.Offset);
        RuleFor(q => q.ProductOfferingGroupId).Must(Ids.IsValid).When(q => q.ProductOfferingGroupId is not null).WithMessage(Ids.Rule);
    }
}
