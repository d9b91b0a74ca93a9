using Connect.SharedKernel.Errors;
using FluentValidation.Results;

namespace Connect.SharedKernel.Messaging;

public static class Validation
{
    /// <summary>FluentValidation failures as wire field errors ("Price.GrossPrice" → "price.grossPrice").</summary>
    public static IEnumerable<FieldError> ToFieldErrors(this ValidationResult result) =>
        result.Errors.Select(e => new FieldError(JsonPath.ToCamelCase(e.PropertyName), e.ErrorMessage));
}
