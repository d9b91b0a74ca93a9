// The benchmark's baseline: the cost of "just read the row". GET /product-offerings/{id} runs one query for the
// stored JSON of the offering document and writes it out as it is: no authentication, no mediator, no mapping,
// no pricing. Connect's own read of the same offering is measured against it (build/bench/run.sh).
using Npgsql;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.ClearProviders();
var connectionString = builder.Configuration.GetConnectionString("Connect")
    ?? throw new InvalidOperationException("ConnectionStrings__Connect is not set.");
await using var database = NpgsqlDataSource.Create(connectionString);

var app = builder.Build();
app.MapGet("/product-offerings/{id}", async (string id, HttpContext http) =>
{
    await using var command = database.CreateCommand("select data::text from catalog.mt_doc_offeringdocument where id = $1");
    command.Parameters.Add(new NpgsqlParameter { Value = id });
    if (await command.ExecuteScalarAsync(http.RequestAborted) is not string json)
        return Results.NotFound();
    return Results.Content(json, "application/json; charset=utf-8");
});
app.MapGet("/health", () => "ok");
app.Run();
