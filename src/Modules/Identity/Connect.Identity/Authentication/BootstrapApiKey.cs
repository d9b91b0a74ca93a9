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
            await EnsureConfiguredAsync(session, configured, cancellationToken);
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

    private async Task EnsureConfiguredAsync(IDocumentSession session, string configured, CancellationToken cancellationToken)
    {
        // A key authentication would always refuse must stop the start, not fail silently later.
        if (!ApiKeySecrets.LooksLikeAKey(configured))
            throw new InvalidOperationException($"{ConfigurationKey} must be 8 to 256 printable ASCII characters without spaces.");
        var hash = ApiKeySecrets.Hash(configured);
        var existing = await session.Query<ApiKey>().FirstOrDefaultAsync(k => k.KeyHash == hash, cancellationToken);
        if (existing is not null && !existing.IsUsableAt(clock.GetUtcNow()))
        {
            // A revoked key must not come back because a node restarted with the old configuration.
            logger.LogWarning("The configured bootstrap API key {ApiKeyId} is revoked or expired and stays so; configure a new one", existing.Id);
            return;
        }
        if (existing is not null && existing.Id != KeyId)
        {
            // A key made earlier (by POST /api-keys, or generated at first start) named as the bootstrap key: it
            // keeps its id, history and customer context and gains every scope.
            existing.Scopes = [.. Scopes.All];
            session.Store(existing);
            await session.SaveChangesAsync(cancellationToken);
            logger.LogWarning("The configured bootstrap API key is the existing key {ApiKeyId}; it now has every scope", existing.Id);
            return;
        }
        session.Store(NewBootstrapKey(KeyId, hash));
        await session.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Bootstrap API key {ApiKeyId} is configured", KeyId);
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
