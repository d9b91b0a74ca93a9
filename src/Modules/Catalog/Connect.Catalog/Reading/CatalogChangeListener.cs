using System.Globalization;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Messaging;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.Reading;

/// <summary>
/// Hears the log's NOTIFY (<c>connect_changes</c>, with the head position, sent by every writer in its transaction),
/// so this node applies other nodes' changes within milliseconds of their commit, without waiting for a read. On
/// (re)connecting the log is looked at again, since an entry may have been committed meanwhile.
/// </summary>
internal sealed class CatalogChangeListener(
    ListenerConnection connection, CatalogChanges changes, CatalogReadModel model, ILogger<CatalogChangeListener> logger)
    : PostgresListener(connection.ConnectionString, ChangeSignal.Channel, logger)
{
    protected override void Notified(string payload)
    {
        if (!long.TryParse(payload, CultureInfo.InvariantCulture, out var head)) return;
        changes.HeardOf(head);
        model.Wake();
    }

    protected override void Connected(bool connected)
    {
        if (connected) changes.MayHaveChanged();
        changes.ListenerConnected = connected;
    }

    protected override string Meanwhile => "the change log is looked at every second until it is back";
}
