using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel.Errors;
using Marten;

namespace Connect.Identity.Features;

/// <summary>
/// Keeps at least one usable <c>keys:admin</c> key, so key management can never be locked out for good. Revocations
/// run one at a time (a PostgreSQL advisory lock held until the revocation's transaction ends), so two admins revoking
/// each other at once cannot both succeed: the second counts after the first committed.
/// </summary>
internal static class LastAdminKeyGuard
{
    /// <summary>Any fixed number every node agrees on; it names the "key revocations" lock.</summary>
    private const long RevocationLock = 0x636b5f7265766f6b; // "ck_revok"

    public static async Task LockAsync(IDocumentSession session, CancellationToken cancellationToken)
    {
        // The session's own transaction, so the lock, the count and the revocation commit (or roll back) together.
        await session.BeginTransactionAsync(cancellationToken);
        await using var command = session.Connection!.CreateCommand();
        command.CommandText = "select pg_advisory_xact_lock(@lock)";
        var parameter = command.CreateParameter();
        parameter.ParameterName = "lock";
        parameter.Value = RevocationLock;
        command.Parameters.Add(parameter);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public static async Task EnsureAnotherAdminKeyAsync(IDocumentSession session, ApiKey key, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (!key.IsUsableAt(now) || !key.Scopes.Contains(Scopes.KeysAdmin)) return;
        var others = await session.Query<ApiKey>()
            .Where(k => k.Id != key.Id && k.RevokedAt == null && (k.ExpiresAt == null || k.ExpiresAt > now) && k.Scopes.Contains(Scopes.KeysAdmin))
            .AnyAsync(cancellationToken);
        if (!others) throw new LastAdminKeyException(key.Id);
    }
}

/// <summary>Revoking this key would leave no usable key able to manage keys.</summary>
internal sealed class LastAdminKeyException(string apiKeyId)
    : ConnectException(409, "last_admin_key", "Last admin key",
        $"API key '{apiKeyId}' is the last usable key with keys:admin; create another one before revoking it.");
