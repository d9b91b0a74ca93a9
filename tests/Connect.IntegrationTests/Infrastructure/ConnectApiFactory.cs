using System.Net.Http.Headers;
using Connect.Identity.Domain;
using Connect.SharedKernel.Domain;
using JasperFx.Events;
using Marten;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>One PostgreSQL and one Connect host for the whole test run; data is reset before each test.</summary>
public sealed class ConnectApiFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    public const string AdminKey = "ck_test_admin_0123456789abcdef0123456789abcdef";
    private TestDatabase? _database;

    /// <summary>The host's clock: real time, shifted by what a test asks (validity windows, expiries).</summary>
    public TestClock Clock { get; } = new();

    /// <summary>Every notification the host published, in order (for tests of what a module announces).</summary>
    public NotificationRecorder Notifications { get; } = new();

    /// <summary>The spans of the traces a test watches, as the host's trace pipeline ended them.</summary>
    public TraceRecorder Traces { get; } = new();

    /// <summary>Every log event the host wrote.</summary>
    public LogCapture Logs { get; } = new();

    private readonly string? _connectionString;

    public ConnectApiFactory() { }

    /// <summary>A host on a database of the caller's (a test that stops its own PostgreSQL, say).</summary>
    internal ConnectApiFactory(string connectionString) => _connectionString = connectionString;

    public async Task InitializeAsync()
    {
        if (_connectionString is null) _database = await TestDatabase.StartAsync();
        _ = Services; // start the host once, against that database
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:Connect", _connectionString ?? _database!.ConnectionString);
        builder.UseSetting("Connect:BootstrapApiKey", AdminKey);
        builder.UseSetting("Connect:DemoData", "false");
        // Tests send bursts far beyond a shop's; the rate limit tests give their keys their own limits.
        builder.UseSetting("Connect:Identity:PermitsPerSecond", "1000000");
        builder.UseSetting("Connect:Identity:Burst", "1000000");
        // Webhook receivers are local servers of the tests; retries come after milliseconds rather than seconds.
        builder.UseSetting("Connect:Webhooks:AllowPrivateNetworks", "true");
        builder.UseSetting("Connect:Webhooks:Timeout", "00:00:03");
        builder.UseSetting("Connect:Webhooks:Backoff:0", "00:00:00.020");
        builder.UseSetting("Connect:Webhooks:Backoff:1", "00:00:00.050");
        builder.UseSetting("Connect:Webhooks:Backoff:2", "00:00:00.100");
        builder.UseEnvironment("Test");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            Notifications.Register(services);
            services.AddSingleton<Serilog.Core.ILogEventSink>(Logs);
            services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddProcessor(Traces));
            // Every scrape collects anew (not the exporter's copy of up to 300 ms ago), so two scrapes show what happened between them.
            services.Configure<OpenTelemetry.Exporter.PrometheusAspNetCoreOptions>(o => o.ScrapeResponseCacheDurationMilliseconds = 0);
            services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();
        });
    }

    public IDocumentStore Store => Services.GetRequiredService<IDocumentStore>();

    /// <summary>Deletes every document, event and idempotency record, then restores the bootstrap admin key.</summary>
    public async Task ResetAsync()
    {
        await RetriedOnDeadlockAsync(async () => { await Store.Advanced.ResetAllData(); return 0; });
        await ExecuteSqlAsync($"TRUNCATE {Connect.Api.Idempotency.IdempotencyTable.Name}, {Connect.SharedKernel.ChangeLog.ChangeLogTable.Name}, {Connect.SharedKernel.ChangeLog.ChangeLogTable.CheckpointsName}, {Connect.Webhooks.Domain.WebhookTables.State}, {Connect.Webhooks.Domain.WebhookTables.Deliveries}");
        Services.GetRequiredService<Connect.Webhooks.WebhookDeliverySwitch>().Enabled = true;
        Services.GetRequiredService<Connect.SharedKernel.ChangeLog.ChangeReactionsSwitch>().Enabled = true;
        // ResetAllData bypasses Marten's sessions, so nothing told the catalog read model; a write would have.
        Services.GetRequiredService<Connect.Catalog.Reading.CatalogChanges>().Reload();
        Clock.Reset();
        // Keys are remembered by hash (found or not) for a while; a test may have revoked the admin key.
        Services.GetRequiredService<ApiKeyCache>().Clear();
        // Invalid promo codes are counted per key for a minute; every test's admin key is the same one.
        Services.GetRequiredService<Connect.Pricing.Domain.PromoCodeGuessLimiter>().Windows.Clear();
        Notifications.Clear();
        Logs.Clear();
        await StoreKeyAsync("bootstrap", AdminKey, Connect.Identity.Contracts.Scopes.All, CustomerType.Consumer, "en-US");
    }

    /// <summary>Waits (up to 10 s) until every reaction's stored position has reached the end of the change log.</summary>
    public async Task ReactionsCaughtUpAsync()
    {
        var log = Connect.SharedKernel.ChangeLog.ChangeLogTable.Name;
        var checkpoints = Connect.SharedKernel.ChangeLog.ChangeLogTable.CheckpointsName;
        var sql = $"SELECT (SELECT coalesce(max(sequence), 0) FROM {log}) <= coalesce((SELECT min(position) FROM {checkpoints}), 0)";
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (DateTime.UtcNow < deadline)
        {
            await using var connection = Store.Storage.Database.CreateConnection();
            await connection.OpenAsync();
            await using var command = new Npgsql.NpgsqlCommand(sql, connection);
            if ((bool)(await command.ExecuteScalarAsync())!) return;
            await Task.Delay(20);
        }
    }

    /// <summary>Runs one SQL statement against the test database (what ResetAllData does not reach, fault injection).</summary>
    public Task<int> ExecuteSqlAsync(string sql) => RetriedOnDeadlockAsync(() => ExecuteOnceAsync(sql));

    /// <summary>
    /// A TRUNCATE (ours, or Marten's reset) can deadlock with background work reading the same tables (a reaction,
    /// a delivery); PostgreSQL then aborts one of them, and the reset is simply run again.
    /// </summary>
    private static async Task<T> RetriedOnDeadlockAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await action(); }
            catch (Exception e) when (attempt < 5 && IsDeadlock(e)) { }
        }
    }

    private static bool IsDeadlock(Exception? e) =>
        e is not null && (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.DeadlockDetected } || IsDeadlock(e.InnerException));

    private async Task<int> ExecuteOnceAsync(string sql)
    {
        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>The events of one stream as stored in PostgreSQL, oldest first (empty when there is no such stream).</summary>
    public async Task<IReadOnlyList<IEvent>> EventsAsync(string streamKey)
    {
        await using var session = Store.QuerySession();
        return await session.Events.QueryAllRawEvents().Where(e => e.StreamKey == streamKey).OrderBy(e => e.Version).ToListAsync();
    }

    /// <summary>A client of another host (a second node made with WithWebHostBuilder), with the admin key.</summary>
    public HttpClient ClientFor(WebApplicationFactory<Program> node)
    {
        var client = node.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", AdminKey);
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        return client;
    }

    /// <summary>A client authenticated with the given key (the admin key by default).</summary>
    public HttpClient Client(string? key = AdminKey)
    {
        var client = CreateClient();
        if (key is not null) client.DefaultRequestHeaders.Add("X-Api-Key", key);
        // Each client is its own caller address, so limits per address do not leak between tests.
        client.DefaultRequestHeaders.Add(ClientAddressFromHeader.Header, ClientAddressFromHeader.NewAddress());
        client.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        return client;
    }

    /// <summary>
    /// Stores a key directly (key management endpoints are a later feature) and returns a client using it.
    /// </summary>
    public async Task<HttpClient> ClientWithKeyAsync(IEnumerable<string> scopes, CustomerType customerType = CustomerType.Consumer,
        string locale = "en-US", DateTimeOffset? expiresAt = null, DateTimeOffset? revokedAt = null)
    {
        var id = Guid.NewGuid().ToString("N");
        var key = $"ck_{id}_secret";
        await StoreKeyAsync(id, key, scopes, customerType, locale, expiresAt, revokedAt);
        return Client(key);
    }

    private async Task StoreKeyAsync(string id, string key, IEnumerable<string> scopes, CustomerType customerType, string locale,
        DateTimeOffset? expiresAt = null, DateTimeOffset? revokedAt = null)
    {
        await using var session = Services.GetRequiredService<IDocumentStore>().LightweightSession();
        session.Store(new ApiKey
        {
            Id = id, Name = id, KeyHash = ApiKeySecrets.Hash(key), Scopes = [.. scopes], CustomerType = customerType,
            Locale = locale, CreatedAt = DateTimeOffset.UtcNow, ExpiresAt = expiresAt, RevokedAt = revokedAt,
        });
        await session.SaveChangesAsync();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        if (_database is not null) await _database.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ConnectApiFactory>
{
    public const string Name = "api";
}

/// <summary>Base of every HTTP test: shares the run's host and starts from an empty database.</summary>
[Collection(ApiCollection.Name)]
public abstract class ApiTest(ConnectApiFactory api) : IAsyncLifetime
{
    protected ConnectApiFactory Api { get; } = api;
    protected HttpClient Admin { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await Api.ResetAsync();
        Admin = Api.Client();
    }

    public Task DisposeAsync() => Task.CompletedTask;
}
