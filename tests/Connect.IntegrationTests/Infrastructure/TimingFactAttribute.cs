namespace Connect.IntegrationTests.Infrastructure;

/// <summary>
/// A test that compares elapsed times: meaningful only on a quiet machine, so it runs in
/// <c>build/reliability.sh</c> (which sets <c>CONNECT_TIMING_TESTS=1</c>) and is skipped in the everyday suite,
/// where other work on the same cores would make it fail for reasons that are not the product's.
/// </summary>
public sealed class TimingFactAttribute : FactAttribute
{
    public const string Variable = "CONNECT_TIMING_TESTS";

    public TimingFactAttribute()
    {
        if (Environment.GetEnvironmentVariable(Variable) != "1")
            Skip = $"timing comparison; set {Variable}=1 (build/reliability.sh does) on a quiet machine";
    }
}
