namespace Connect.IntegrationTests.Scripts;

/// <summary>build/run.sh configures the key a user asked for, and otherwise one shaped like every generated key.</summary>
public sealed class RunScriptKeyTests : IDisposable
{
    private readonly RunScript _script = new();

    [Fact]
    public void Given_Connect__BootstrapApiKey_is_set_When_run_sh_starts_the_API_Then_that_key_is_configured_and_printed()
    {
        var (exitCode, stdout, stderr) = _script.Run(("Connect__BootstrapApiKey", "my-own-key-0123456789"));

        exitCode.Should().Be(0, stderr);
        stdout.Should().Contain("dotnet saw key: my-own-key-0123456789\n");
        stderr.Should().Contain("API key   my-own-key-0123456789");
    }

    [Fact]
    public void Given_no_key_anywhere_When_run_sh_starts_the_API_Then_it_makes_one_shaped_like_every_generated_key()
    {
        var (exitCode, stdout, stderr) = _script.Run();

        exitCode.Should().Be(0, stderr);
        stdout.Should().MatchRegex("dotnet saw key: ck_[0-9a-f]{32}_[0-9a-f]{64}\n");
        File.ReadAllText(Path.Combine(_script.Root, ".local", "api-key")).Trim().Should().MatchRegex("^ck_[0-9a-f]{32}_[0-9a-f]{64}$");
    }

    public void Dispose() => _script.Dispose();
}
