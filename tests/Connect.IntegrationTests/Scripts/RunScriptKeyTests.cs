using System.Diagnostics;

namespace Connect.IntegrationTests.Scripts;

/// <summary>
/// build/run.sh configures the key a user asked for, and otherwise one shaped like every generated key. The script runs
/// from a scratch copy of the repository layout, with db.sh and dotnet stubbed, so nothing real starts.
/// </summary>
public sealed class RunScriptKeyTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("connect-run-sh-").FullName;

    public RunScriptKeyTests()
    {
        var repository = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(repository, "Connect.sln"))) repository = Path.GetDirectoryName(repository)!;
        Directory.CreateDirectory(Path.Combine(_root, "build"));
        Directory.CreateDirectory(Path.Combine(_root, "bin"));
        File.Copy(Path.Combine(repository, "build", "run.sh"), Path.Combine(_root, "build", "run.sh"));
        Stub(Path.Combine(_root, "build", "db.sh"), "echo 'Host=stub;Database=connect'");
        Stub(Path.Combine(_root, "bin", "dotnet"), "echo \"dotnet saw key: $Connect__BootstrapApiKey\"");
    }

    private static void Stub(string path, string body)
    {
        File.WriteAllText(path, "#!/usr/bin/env bash\n" + body + "\n");
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
    }

    private (string Stdout, string Stderr) Run(params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash", [Path.Combine(_root, "build", "run.sh")])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        start.Environment.Remove("CONNECT_API_KEY");
        start.Environment.Remove("Connect__BootstrapApiKey");
        start.Environment["PATH"] = Path.Combine(_root, "bin") + ":" + Environment.GetEnvironmentVariable("PATH");
        foreach (var (name, value) in environment) start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        process.WaitForExit(30_000).Should().BeTrue();
        process.ExitCode.Should().Be(0, stderr.Result);
        return (stdout.Result, stderr.Result);
    }

    [Fact]
    public void Given_Connect__BootstrapApiKey_is_set_When_run_sh_starts_the_API_Then_that_key_is_configured_and_printed()
    {
        var (stdout, stderr) = Run(("Connect__BootstrapApiKey", "my-own-key-0123456789"));

        stdout.Should().Contain("dotnet saw key: my-own-key-0123456789\n");
        stderr.Should().Contain("API key   my-own-key-0123456789");
    }

    [Fact]
    public void Given_no_key_anywhere_When_run_sh_starts_the_API_Then_it_makes_one_shaped_like_every_generated_key()
    {
        var (stdout, _) = Run();

        stdout.Should().MatchRegex("dotnet saw key: ck_[0-9a-f]{32}_[0-9a-f]{64}\n");
        File.ReadAllText(Path.Combine(_root, ".local", "api-key")).Trim().Should().MatchRegex("^ck_[0-9a-f]{32}_[0-9a-f]{64}$");
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
