using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Connect.Api.Idempotency;

/// <summary>
/// The host's table of idempotent requests, one row per (API key, Idempotency-Key). Created and migrated by
/// Marten at start like the modules' documents; every node reads and writes the same rows.
/// </summary>
internal static class IdempotencyTable
{
    public const string Name = "connect.idempotent_requests";

    public static Table Define()
    {
        var table = new Table(new PostgresqlObjectName("connect", "idempotent_requests", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("api_key_id").AsPrimaryKey();
        table.AddColumn<string>("idempotency_key").AsPrimaryKey();
        table.AddColumn("fingerprint", "bytea").NotNull();
        table.AddColumn<Guid>("token").NotNull();
        table.AddColumn<bool>("completed").NotNull();
        table.AddColumn("locked_until", "timestamptz");
        table.AddColumn("expires_at", "timestamptz").NotNull();
        table.AddColumn<int>("status_code");
        table.AddColumn<string>("content_type");
        table.AddColumn<string>("etag");
        table.AddColumn<string>("location");
        table.AddColumn("body", "bytea");
        table.Indexes.Add(new IndexDefinition("idx_idempotent_requests_expires_at") { Columns = ["expires_at"] });
        return table;
    }
}
