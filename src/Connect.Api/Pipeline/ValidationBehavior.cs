using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Messaging;
using FluentValidation;
using Mediator;

namespace Connect.Api.Pipeline;

/// <summary>
/// Runs every FluentValidation validator of the message, so in-process callers are validated exactly
/// like HTTP callers.
/// </summary>
internal sealed class ValidationBehavior<TMessage, TResponse>(IEnumerable<IValidator<TMessage>> validators)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IMessage
{
    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var errors = new List<FieldError>();
        foreach (var validator in validators)
        {
            var result = await validator.ValidateAsync(message, cancellationToken);
            errors.AddRange(result.ToFieldErrors());
        }
        if (errors.Count > 0)
            throw new ValidationFailedException(errors);
        return await next(message, cancellationToken);
    }
}
