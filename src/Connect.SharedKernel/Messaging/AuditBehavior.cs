using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Connect.SharedKernel.Messaging;

/// <summary>Who is acting: the API key id of the current request (never the key), or <c>system</c>.</summary>
public interface IActor
{
    /// <summary>The acting key id.</summary>
    string Id { get; }
}

/// <summary>
/// For commands only, after they committed: one audit line with the acting key id and what the command asked
/// to change (its body as JSON; server-set fields and key material are never part of a command body).
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(IActor actor, IOptions<JsonOptions> json, ILogger<AuditBehavior<TMessage, TResponse>> logger)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    private const int MaxChangeLength = 2000;

    public async ValueTask<TResponse> Handle(
        TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        var changes = JsonSerializer.Serialize(message, typeof(TMessage), json.Value.SerializerOptions);
        if (changes.Length > MaxChangeLength) changes = changes[..MaxChangeLength] + "…";
        logger.LogInformation("Audit: {Command:l} by key {ActingApiKeyId:l}: {Changes:l}", typeof(TMessage).Name, actor.Id, changes);
        return response;
    }
}
