using System.Diagnostics;
using Testcontainers.PostgreSql;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// Where the tests' PostgreSQL comes from: CONNECT_TEST_DB if set; else a Testcontainers PostgreSQL when
/// a Docker engine answers; else the private local cluster that build/db.sh starts (installing
/// PostgreSQL where allowed). Always a real PostgreSQL, never a stand-in.
/// </summary>
internal sealed class TestDatabase : IAsyncDisposable
{
    public const string EnvironmentVariable = "CONNECT_TEST_DB";
    private PostgreSqlContainer? _container;

    public string ConnectionString { get; private set; } = "";
    public string Source { get; private set; } = "";

    public static async Task<TestDatabase> StartAsync()
    {
        var database = new TestDatabase();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            database.ConnectionString = fromEnvironment;
            database.Source = EnvironmentVariable;
        }
        else if (await DockerAnswersAsync())
        {
            database._container = new PostgreSqlBuilder("postgres:15").Build();
            await database._container.StartAsync();
            database.ConnectionString = database._container.GetConnectionString();
            database.Source = "Testcontainers";
        }
        else
        {
            database.ConnectionString = await RunAsync("bash", Path.Combine(RepositoryRoot(), "build", "db.sh") + " connect_test", TimeSpan.FromMinutes(8));
            database.Source = "build/db.sh (local cluster)";
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        if (_container is not null) await _container.DisposeAsync();
    }

    public static async Task<bool> DockerAnswersAsync()
    {
        try { await RunAsync("docker", "info --format {{.ServerVersion}}", TimeSpan.FromSeconds(10)); return true; }
        catch (Exception) { return false; }
    }

    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Connect.sln"))) return dir.FullName;
        throw new InvalidOperationException("Connect.sln not found above " + AppContext.BaseDirectory);
    }

    private static async Task<string> RunAsync(string file, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"{file} did not start");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        await process.WaitForExitAsync(cts.Token);
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}): {await stderr}");
        return (await stdout).Trim();
    }
}
