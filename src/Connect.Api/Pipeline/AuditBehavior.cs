using System.Text.Json;
using Connect.SharedKernel;
using Connect.SharedKernel.Messaging;
using Mediator;
using Microsoft.Extensions.Logging;

namespace Connect.Api.Pipeline;

/// <summary>
/// For commands only, after they committed: one audit line with the acting key id and what the command asked
/// to change (the command as JSON, the id it acts on included; key material is never part of a command).
/// </summary>
internal sealed class AuditBehavior<TMessage, TResponse>(IActor actor, ILogger<AuditBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private const int MaxChangeLength = 2000;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        var changes = JsonSerializer.Serialize(message, typeof(TMessage), ConnectJson.ForAudit);
        if (changes.Length > MaxChangeLength) changes = changes[..MaxChangeLength] + "…";
        logger.LogInformation("Audit: {Command:l} by key {ActingApiKeyId:l}: {Changes:l}", typeof(TMessage).Name, actor.Id, changes);
        return response;
    }
}
