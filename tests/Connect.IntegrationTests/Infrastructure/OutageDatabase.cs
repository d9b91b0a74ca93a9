using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Testcontainers.PostgreSql;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// A PostgreSQL of its own that a test may stop and start again (never the suite's shared one): a Testcontainers
/// container on a fixed port when Docker answers, else a throwaway private cluster made by build/db.sh
/// (<c>CONNECT_PG_HOME</c>), installing PostgreSQL where allowed, as for the suite's database.
/// </summary>
internal sealed class OutageDatabase : IAsyncDisposable
{
    private PostgreSqlContainer? _container;
    private string? _home;
    private int _port;

    public string ConnectionString { get; private set; } = "";

    public static async Task<OutageDatabase> StartAsync()
    {
        var database = new OutageDatabase { _port = FreePort() };
        if (await TestDatabase.DockerAnswersAsync())
        {
            database._container = new PostgreSqlBuilder("postgres:15").WithPortBinding(database._port, 5432).Build();
            await database._container.StartAsync();
            database.ConnectionString = database._container.GetConnectionString();
        }
        else
        {
            database._home = Path.Combine(Path.GetTempPath(), "connect-outage-" + Guid.NewGuid().ToString("N")[..8]);
            database.ConnectionString = await database.DbShAsync("connect_outage");
        }
        return database;
    }

    /// <summary>Stops the server at once (fast shutdown: sessions are cut).</summary>
    public async Task StopAsync()
    {
        if (_container is not null) await _container.StopAsync();
        else await DbShAsync("--stop");
    }

    public async Task StartAgainAsync()
    {
        if (_container is not null) await _container.StartAsync();
        else await DbShAsync("connect_outage");
    }

    private async Task<string> DbShAsync(string argument)
    {
        var start = new ProcessStartInfo("bash", $"{Path.Combine(TestDatabase.RepositoryRoot(), "build", "db.sh")} {argument}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment["CONNECT_PG_HOME"] = _home;
        start.Environment["CONNECT_PG_PORT"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["CONNECT_USE_LOCAL_PG"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(8));
        await process.WaitForExitAsync(timeout.Token);
        if (process.ExitCode != 0) throw new InvalidOperationException($"db.sh {argument} failed: {await stderr}");
        return (await stdout).Trim();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) { await _container.DisposeAsync(); return; }
        try { await DbShAsync("--stop"); } catch (InvalidOperationException) { /* already stopped */ }
        try { Directory.Delete(_home!, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
