using System.Reflection;
using Connect.Catalog;
using Marten.Events.Projections;

namespace Connect.ArchitectureTests;

/// <summary>
/// Marten calls a projection's Project/Create/Apply/Transform/ShouldDelete methods only when they are
/// public: it ignores a private Apply silently and rejects an internal Project when the store is built.
/// </summary>
public sealed class ProjectionConventionTests
{
    private static readonly string[] ConventionNames = ["Project", "Create", "Apply", "Transform", "ShouldDelete"];

    [Fact]
    public void Given_the_Catalog_projections_Then_every_convention_method_is_public()
    {
        var projections = typeof(CatalogModule).Assembly.GetTypes().Where(t => t.IsAssignableTo(typeof(EventProjection))).ToList();
        projections.Should().NotBeEmpty("the offering status is kept by a projection");

        var hidden = projections
            .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            .Where(m => ConventionNames.Contains(m.Name) && !m.IsPublic)
            .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})");

        hidden.Should().BeEmpty("Marten skips or rejects projection methods that are not public");
    }
}
