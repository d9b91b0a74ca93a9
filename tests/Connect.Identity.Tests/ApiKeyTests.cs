using Connect.Identity.Domain;

namespace Connect.Identity.Tests;

public sealed class ApiKeyTests
{
    [Fact]
    public void Given_a_new_key_When_made_Then_it_has_the_prefix_its_id_and_256_bits_of_secret()
    {
        var key = ApiKeySecrets.NewKey("k1");
        key.Should().StartWith("ck_k1_");
        key["ck_k1_".Length..].Should().MatchRegex("^[0-9a-f]{64}$");
        ApiKeySecrets.NewKey("k1").Should().NotBe(key);
    }

    [Fact]
    public void Given_a_key_When_hashed_Then_the_hash_is_stable_and_does_not_contain_the_key()
    {
        var hash = ApiKeySecrets.Hash("ck_k1_secret");
        hash.Should().Be(ApiKeySecrets.Hash("ck_k1_secret")).And.MatchRegex("^[0-9a-f]{64}$").And.NotContain("secret");
        ApiKeySecrets.Hash("ck_k1_secreT").Should().NotBe(hash);
    }

    [Theory]
    [InlineData("short", false)]
    [InlineData("ck_with space", false)]
    [InlineData("ck_k1_0123456789", true)]
    public void Given_header_values_When_shape_checked_Then_only_plausible_keys_reach_the_database(string value, bool plausible) =>
        ApiKeySecrets.LooksLikeAKey(value).Should().Be(plausible);

    [Fact]
    public void Given_revoked_or_expired_keys_When_checked_Then_not_usable()
    {
        var now = DateTimeOffset.Parse("2026-01-01T00:00:00Z");
        new ApiKey().IsUsableAt(now).Should().BeTrue();
        new ApiKey { ExpiresAt = now.AddSeconds(1) }.IsUsableAt(now).Should().BeTrue();
        new ApiKey { ExpiresAt = now }.IsUsableAt(now).Should().BeFalse();
        new ApiKey { RevokedAt = now.AddDays(-1) }.IsUsableAt(now).Should().BeFalse();
    }
}
