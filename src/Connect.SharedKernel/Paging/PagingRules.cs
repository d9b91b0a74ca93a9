using FluentValidation;

namespace Connect.SharedKernel.Paging;

/// <summary>The paging rules every list shares (limit 1–1000, offset ≥ 0), reported on the query parameters' names.</summary>
public static class PagingRules
{
    public static void AddPagingRules<T>(this AbstractValidator<T> validator, Func<T, int> limit, Func<T, int> offset)
    {
        validator.RuleFor(q => limit(q)).InclusiveBetween(1, Paging.MaxLimit).OverridePropertyName("limit")
            .WithMessage($"limit must be between 1 and {Paging.MaxLimit}.");
        validator.RuleFor(q => offset(q)).GreaterThanOrEqualTo(0).OverridePropertyName("offset")
            .WithMessage("offset must be 0 or more.");
    }
}
