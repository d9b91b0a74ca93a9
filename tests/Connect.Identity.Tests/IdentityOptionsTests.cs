namespace Connect.Identity.Tests;

public sealed class IdentityOptionsTests
{
    [Fact]
    public void Given_no_configuration_Then_a_key_gets_100_per_second_with_bursts_of_200_and_an_address_30_wrong_keys_a_minute()
    {
        var options = new IdentityOptions();
        (options.PermitsPerSecond, options.Burst, options.FailedAuthenticationsPerMinute, options.KeyCacheSeconds)
            .Should().Be((100, 200, 30, 60));
    }
}
