using System.Diagnostics;

namespace Connect.IntegrationTests.Scripts;

/// <summary>
/// build/run.sh in a scratch copy of the repository layout, with db.sh, dotnet and curl stubbed so nothing real starts:
/// the stub API prints the key it was given and becomes ready (the stub curl answers) after a moment, unless
/// <c>STUB_NEVER_READY</c> is set, when it exits with code 3. Every stub call is appended to <see cref="Calls"/>.
/// </summary>
internal sealed class RunScript : IDisposable
{
    public string Root { get; } = Directory.CreateTempSubdirectory("connect-run-sh-").FullName;

    public RunScript()
    {
        var repository = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repository, "Connect.sln"))) repository = Path.GetDirectoryName(repository)!;
        Directory.CreateDirectory(Path.Combine(Root, "build"));
        Directory.CreateDirectory(Path.Combine(Root, "bin"));
        File.Copy(Path.Combine(repository, "build", "run.sh"), Path.Combine(Root, "build", "run.sh"));
        Stub(Path.Combine(Root, "build", "db.sh"), "echo 'Host=stub;Database=connect'");
        Stub(Path.Combine(Root, "bin", "dotnet"), $$"""
            echo "dotnet $1" >> {{Calls}}
            [[ $1 == build ]] && exit 0
            echo "dotnet saw key: $Connect__BootstrapApiKey"
            [[ -n ${STUB_NEVER_READY:-} ]] && exit 3
            sleep 0.5; touch {{Root}}/ready; sleep 0.5
            """);
        Stub(Path.Combine(Root, "bin", "curl"), $"echo curl >> {Calls}; [[ -f {Root}/ready ]]");
    }

    public string Calls => Path.Combine(Root, "calls");

    private static void Stub(string path, string body)
    {
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    public (int ExitCode, string Stdout, string Stderr) Run(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(Root, "build", "run.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment.Remove("CONNECT_API_KEY");
        start.Environment.Remove("Connect__BootstrapApiKey");
        start.Environment["PATH"] = Path.Combine(Root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(30_000).Should().BeTrue();
        return (process.ExitCode, stdout.Result, stderr.Result);
    }

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
