namespace Connect.IntegrationTests.Scripts;

/// <summary>build/run.sh builds first and says "try this" only when the API answers <c>/health/ready</c>.</summary>
public sealed class RunScriptReadinessTests : IDisposable
{
    private readonly RunScript _script = new();

    [Fact]
    public void Given_the_API_becomes_ready_When_run_sh_runs_Then_it_built_first_and_printed_the_banner_only_after_readiness()
    {
        var (exitCode, _, stderr) = _script.Run();

        exitCode.Should().Be(0, stderr);
        var calls = File.ReadAllLines(_script.Calls);
        calls[0].Should().Be("dotnet build", "it builds before it starts anything");
        calls.Should().ContainSingle(c => c == "dotnet run");
        calls.Count(c => c == "curl").Should().BeGreaterThan(1, "it polled until the API was ready");
        stderr.IndexOf("building the API", StringComparison.Ordinal).Should().BeLessThan(stderr.IndexOf("Connect is ready", StringComparison.Ordinal));
        stderr.Should().Contain("Try:").And.Contain("/metrics");
    }

    [Fact]
    public void Given_the_API_stops_before_it_is_ready_When_run_sh_runs_Then_no_banner_is_printed_and_the_exit_code_is_the_API_s()
    {
        var (exitCode, _, stderr) = _script.Run(("STUB_NEVER_READY", "1"));

        exitCode.Should().Be(3);
        stderr.Should().NotContain("Try:").And.NotContain("Connect is ready").And.Contain("stopped before it was ready");
    }

    public void Dispose() => _script.Dispose();
}
