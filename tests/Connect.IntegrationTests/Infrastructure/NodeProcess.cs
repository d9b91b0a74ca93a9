using System.Collections.Concurrent;
using System.Diagnostics;

namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// A Connect node as its own process (the built Connect.Api.dll beside the tests), on the tests' database: unlike a
/// host in this process, it can be killed outright, its sockets closed by the operating system as in a crash.
/// </summary>
internal sealed class NodeProcess : IAsyncDisposable
{
    private readonly Process _process;

    /// <summary>What it wrote, for the message of a failing test.</summary>
    public ConcurrentQueue<string> Output { get; } = new();

    private NodeProcess(Process process) => _process = process;

    public static NodeProcess Start(string connectionString, IReadOnlyDictionary<string, string>? settings = null)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "Connect.Api.dll")])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        start.Environment["ConnectionStrings__Connect"] = connectionString;
        start.Environment["Connect__BootstrapApiKey"] = ConnectApiFactory.AdminKey;
        start.Environment["Connect__DemoData"] = "false";
        start.Environment["Connect__Webhooks__AllowPrivateNetworks"] = "true";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var node = new NodeProcess(Process.Start(start)!);
        // Read all it writes: a full pipe would stop it.
        node._process.OutputDataReceived += (_, line) => { if (line.Data is not null) node.Output.Enqueue(line.Data); };
        node._process.ErrorDataReceived += (_, line) => { if (line.Data is not null) node.Output.Enqueue(line.Data); };
        node._process.BeginOutputReadLine();
        node._process.BeginErrorReadLine();
        return node;
    }

    /// <summary>SIGKILL: nothing runs on its way out, as when a machine or a container dies.</summary>
    public async Task KillAsync()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }
}
