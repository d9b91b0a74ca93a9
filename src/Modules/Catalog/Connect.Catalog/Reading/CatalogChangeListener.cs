using Connect.SharedKernel.Messaging;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Connect.Catalog.Reading;

/// <summary>
/// Hears catalog changes committed by other nodes sharing the database (<c>NOTIFY connect_catalog_changed</c>, sent in
/// the writer's transaction by <see cref="CatalogChangeTracker"/>), so this node's snapshot is replaced within
/// milliseconds. On (re)connecting the snapshot is dropped, since a change may have been missed meanwhile.
/// </summary>
internal sealed class CatalogChangeListener(IConfiguration configuration, CatalogChanges changes, ILogger<CatalogChangeListener> logger)
    : PostgresListener(configuration, CatalogChanges.Channel, logger)
{
    protected override void Notified(string payload)
    {
        // This node counted its own changes when they committed.
        if (payload != changes.NodeId) changes.Committed();
    }

    protected override void Connected(bool connected)
    {
        if (connected) changes.Changed();
        changes.ListenerConnected = connected;
    }

    protected override string Meanwhile => "the catalog is re-read every second until it is back";
}
