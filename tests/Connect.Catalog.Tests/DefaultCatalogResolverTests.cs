using Connect.Catalog.Domain;

namespace Connect.Catalog.Tests;

public sealed class DefaultCatalogResolverTests
{
    private static CatalogDocument Catalog(string id, string? locale) => new() { Id = id, Locale = locale, IsDefault = true };

    [Theory]
    [InlineData("en-US", "us")]
    [InlineData("EN-us", "us")]
    [InlineData("en-GB", "english")]
    [InlineData("fr-FR", "unlocalized")]
    public void Given_defaults_for_several_locales_When_resolving_Then_exact_then_language_then_unlocalized(string locale, string expected)
    {
        var defaults = new[] { Catalog("us", "en-US"), Catalog("english", "en"), Catalog("unlocalized", null), Catalog("german", "de-DE") };
        DefaultCatalogResolver.Pick(defaults, locale)!.Id.Should().Be(expected);
    }

    [Fact]
    public void Given_only_other_locales_When_resolving_Then_any_default_of_the_type_by_id()
    {
        DefaultCatalogResolver.Pick([Catalog("z-german", "de-DE"), Catalog("a-french", "fr-FR")], "en-US")!.Id.Should().Be("a-french");
    }

    [Fact]
    public void Given_no_defaults_When_resolving_Then_none()
    {
        DefaultCatalogResolver.Pick([], "en-US").Should().BeNull();
    }
}
