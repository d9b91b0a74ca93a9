using Connect.SharedKernel.Messaging;
using Microsoft.Extensions.Logging;

namespace Connect.Identity.Domain;

/// <summary>
/// Hears revocations made by any node sharing the database: a revocation sends
/// <c>NOTIFY connect_api_key_revoked, '&lt;key id&gt;'</c> in its own transaction, so the message arrives exactly when
/// it commits. On (re)connecting the cache is dropped, since a revocation may have been missed meanwhile; while
/// disconnected the cache re-validates every key older than one second (see <see cref="ApiKeyCache"/>).
/// </summary>
internal sealed class ApiKeyRevocationListener(ListenerConnection connection, ApiKeyCache cache, ILogger<ApiKeyRevocationListener> logger)
    : PostgresListener(connection.ConnectionString, Channel, logger)
{
    public const string Channel = "connect_api_key_revoked";

    protected override void Notified(string payload) => cache.Evict(payload);

    protected override void Connected(bool connected)
    {
        // On (re)connecting a revocation may have been missed: drop everything. On losing the connection keep the
        // cache: ApiKeyCache then re-validates what is older than a second (and keeps it if the database is gone).
        if (connected) cache.Clear();
        cache.ListenerConnected = connected;
    }

    protected override string Meanwhile => "keys are re-read every second until it is back";
}
