using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Messaging;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Features;

/// <summary>Body of <c>POST /api-keys/{id}/revoke</c>: an optional reason. The key stops working at once, on every node.</summary>
internal sealed record RevokeApiKey : ICommand<ApiKeyInfo>
{
    public string? Reason { get; init; }

    [ServerAssigned] public string ApiKeyId { get; init; } = "";
    [ServerAssigned] public string ChangedBy { get; init; } = "system";
    [ServerAssigned] public Preconditions? Preconditions { get; init; }
}

internal sealed class RevokeApiKeyValidator : AbstractValidator<RevokeApiKey>
{
    public RevokeApiKeyValidator() => RuleFor(c => c.Reason).MaximumLength(500);
}

internal sealed class RevokeApiKeyHandler(
    IDocumentSession session, TimeProvider clock, NotificationBuffer notifications, IOptions<JsonOptions> json)
    : ICommandHandler<RevokeApiKey, ApiKeyInfo>
{
    public async ValueTask<ApiKeyInfo> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        await LastAdminKeyGuard.LockAsync(session, cancellationToken);
        var key = await session.LoadAsync<ApiKey>(command.ApiKeyId, cancellationToken) ?? throw new NotFoundException("API key", command.ApiKeyId);
        if (command.Preconditions is { IsEmpty: false })
            command.Preconditions.Check(ETags.Of(key.ToInfo(), json.Value.SerializerOptions));
        if (key.RevokedAt is not null) throw new ConflictException($"API key '{key.Id}' is already revoked.");
        var now = clock.GetUtcNow();
        await LastAdminKeyGuard.EnsureAnotherAdminKeyAsync(session, key, now, cancellationToken);

        var stream = await session.Events.FetchStreamStateAsync(ApiKey.StreamKey(key.Id), cancellationToken);
        key.RevokedAt = now;
        session.Store(key);
        var revoked = new ApiKeyRevoked(key.Id, command.Reason, now, command.ChangedBy);
        var streamKey = ApiKey.StreamKey(key.Id);
        if (stream is null) session.Events.StartStream<ApiKey>(streamKey, revoked); // keys without a stream (the bootstrap key)
        else session.Events.Append(streamKey, stream.Version + 1, revoked);
        // Delivered to every node's listener when this transaction commits, not before.
        session.QueueSqlCommand($"select pg_notify('{ApiKeyRevocationListener.Channel}', ?)", key.Id);
        notifications.Raise(new ApiKeyRevokedNotification(key.Id));
        return key.ToInfo();
    }
}

/// <summary>Published after a key was revoked and committed; every cache of validated keys drops it.</summary>
/// <param name="ApiKeyId">The key.</param>
internal sealed record ApiKeyRevokedNotification(string ApiKeyId) : INotification;
