using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// The one ordered log of catalog changes (spec §7): one row per change of one resource, numbered without gaps in
/// commit order. Created and migrated by Marten at start, like the modules' documents.
/// </summary>
public static class ChangeLogTable
{
    public const string Name = "connect.changes";

    public static Table Define()
    {
        var table = new Table(new PostgresqlObjectName("connect", "changes", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<long>("sequence").AsPrimaryKey();
        table.AddColumn("occurred_at", "timestamptz").NotNull();
        table.AddColumn<string>("resource_type").NotNull();
        table.AddColumn<string>("resource_id").NotNull();
        table.AddColumn<string>("change").NotNull();
        table.AddColumn<long>("version").NotNull();
        table.AddColumn<string>("changed_by").NotNull();
        table.AddColumn<string>("reason");
        table.AddColumn("fields", "jsonb").NotNull();
        // The representation exactly as it was written (jsonb would reorder its keys); compared as jsonb.
        table.AddColumn("resource", "text").NotNull();
        table.Indexes.Add(new IndexDefinition("ux_changes_resource_version") { Columns = ["resource_type", "resource_id", "version"], IsUnique = true });
        return table;
    }

    /// <summary>Each reaction's position in the log, moved in the same transaction as the reaction's effects.</summary>
    public const string CheckpointsName = "connect.change_checkpoints";

    public static Table DefineCheckpoints()
    {
        var table = new Table(new PostgresqlObjectName("connect", "change_checkpoints", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("name").AsPrimaryKey();
        table.AddColumn<long>("position").NotNull();
        return table;
    }
}
