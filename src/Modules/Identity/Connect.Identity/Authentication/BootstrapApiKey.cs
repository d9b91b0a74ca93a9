using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Domain;
using Marten;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Connect.Identity.Authentication;

/// <summary>
/// The bootstrap key rule of spec §1: a configured <c>Connect:BootstrapApiKey</c> always exists with every
/// scope; without one, an empty key store gets a generated key whose value is logged once.
/// </summary>
internal sealed class BootstrapApiKey(
    IDocumentStore store, IConfiguration configuration, TimeProvider clock, ILogger<BootstrapApiKey> logger)
    : IHostedService
{
    public const string ConfigurationKey = "Connect:BootstrapApiKey";
    public const string KeyId = "bootstrap";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var session = store.LightweightSession();
        var configured = configuration[ConfigurationKey];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            // A key authentication would always refuse must stop the start, not fail silently later.
            if (!ApiKeySecrets.LooksLikeAKey(configured))
                throw new InvalidOperationException(
                    $"{ConfigurationKey} must be 8 to 256 printable ASCII characters without spaces.");
            var existing = await session.LoadAsync<ApiKey>(KeyId, cancellationToken);
            if (existing?.RevokedAt is not null && existing.KeyHash == ApiKeySecrets.Hash(configured))
            {
                // A revoked key must not come back because a node restarted with the old configuration.
                logger.LogWarning("The configured bootstrap API key {ApiKeyId} was revoked and stays revoked; configure a new one", KeyId);
                return;
            }
            session.Store(NewBootstrapKey(KeyId, ApiKeySecrets.Hash(configured)));
            await session.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Bootstrap API key {ApiKeyId} is configured", KeyId);
            return;
        }

        if (await session.Query<ApiKey>().AnyAsync(cancellationToken))
            return;
        var id = Ids.New();
        var key = ApiKeySecrets.NewKey(id);
        session.Insert(NewBootstrapKey(id, ApiKeySecrets.Hash(key)));
        await session.SaveChangesAsync(cancellationToken);
        // The one place a key is ever logged (spec §1): an empty store with no configured key.
        logger.LogWarning("No API key existed; generated one with every scope: {GeneratedApiKey}", key);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private ApiKey NewBootstrapKey(string id, string hash) => new()
    {
        Id = id,
        Name = "bootstrap",
        KeyHash = hash,
        Scopes = [.. Scopes.All],
        CustomerType = CustomerType.Consumer,
        Locale = "en-US",
        CreatedAt = clock.GetUtcNow(),
    };
}
