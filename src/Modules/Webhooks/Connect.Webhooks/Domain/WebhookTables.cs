using Weasel.Postgresql;
using Weasel.Postgresql.Tables;

namespace Connect.Webhooks.Domain;

/// <summary>
/// Delivery progress, beside the webhook documents in schema <c>webhooks</c>: per webhook, the log position
/// delivered up to and the state of the retry of the change after it; and the record of every attempt.
/// </summary>
internal static class WebhookTables
{
    public const string State = "webhooks.delivery_state";
    public const string Deliveries = "webhooks.deliveries";

    public static Table DefineState()
    {
        var table = new Table(new PostgresqlObjectName(WebhooksModule.Schema, "delivery_state", SchemaUtils.IdentifierUsage.General));
        table.AddColumn<string>("webhook_id").AsPrimaryKey();
        // Every change up to here was delivered (or does not go to this webhook).
        table.AddColumn<long>("position").NotNull();
        table.AddColumn<bool>("enabled").NotNull();
        // Failed attempts at the change after the position, when the next is due, since when it has been failing.
        table.AddColumn<int>("attempts").NotNull().DefaultValueByExpression("0");
        table.AddColumn("next_attempt_at", "timestamptz");
        table.AddColumn("failing_since", "timestamptz");
        return table;
    }

    public static Table DefineDeliveries()
    {
        var table = new Table(new PostgresqlObjectName(WebhooksModule.Schema, "deliveries", SchemaUtils.IdentifierUsage.General));
        table.AddColumn("id", "bigserial").AsPrimaryKey();
        table.AddColumn<string>("webhook_id").NotNull();
        table.AddColumn<long>("sequence").NotNull();
        table.AddColumn<int>("attempt").NotNull();
        table.AddColumn("attempted_at", "timestamptz").NotNull();
        table.AddColumn<int>("status_code");
        table.AddColumn<string>("error");
        table.AddColumn<int>("duration_ms").NotNull();
        table.AddColumn("next_attempt_at", "timestamptz");
        table.Indexes.Add(new IndexDefinition("ix_deliveries_webhook") { Columns = ["webhook_id", "id"] });
        return table;
    }
}
