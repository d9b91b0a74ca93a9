using System.Reflection;
using Connect.Catalog;
using Connect.Identity;
using Connect.Pricing;
using Connect.Webhooks;
using Marten.Events.Aggregation;
using Marten.Events.Projections;

namespace Connect.ArchitectureTests;

/// <summary>
/// Marten calls a projection's Project/Create/Apply/Transform/ShouldDelete methods only when they are
/// public: it ignores a private Apply silently and rejects an internal Project when the store is built.
/// Checked in every module, for every kind of projection Marten offers.
/// </summary>
public sealed class ProjectionConventionTests
{
    private static readonly string[] ConventionNames = ["Project", "Create", "Apply", "Transform", "ShouldDelete"];

    private static readonly Type[] ProjectionBases =
        [typeof(EventProjection), typeof(SingleStreamProjection<,>), typeof(MultiStreamProjection<,>)];

    private static readonly Assembly[] Modules =
        [typeof(CatalogModule).Assembly, typeof(PricingModule).Assembly, typeof(IdentityModule).Assembly, typeof(WebhooksModule).Assembly];

    [Fact]
    public void Given_the_modules_projections_Then_every_convention_method_is_public()
    {
        var projections = Modules.SelectMany(a => a.GetTypes()).Where(IsProjection).ToList();
        projections.Should().NotBeEmpty("the offering status is kept by a projection");

        HiddenConventionMethods(projections).Should().BeEmpty("Marten skips or rejects projection methods that are not public");
    }

    [Fact]
    public void Given_a_projection_of_each_kind_with_a_hidden_method_Then_the_rule_names_it()
    {
        var samples = typeof(HiddenEventProjection).GetNestedTypes(BindingFlags.NonPublic).Append(typeof(HiddenEventProjection)).ToList();
        samples.Should().AllSatisfy(t => IsProjection(t).Should().BeTrue($"{t.Name} derives from a Marten projection base"));

        HiddenConventionMethods(samples).Should().BeEquivalentTo(
            "HiddenEventProjection.Project(String)", "HiddenSingleStream.Apply(String, Sample)", "HiddenMultiStream.Apply(String, Sample)");
    }

    private static bool IsProjection(Type type)
    {
        for (var t = type.BaseType; t is not null; t = t.BaseType)
            if (ProjectionBases.Contains(t.IsGenericType ? t.GetGenericTypeDefinition() : t)) return true;
        return false;
    }

    private static IEnumerable<string> HiddenConventionMethods(IEnumerable<Type> projections) => projections
        .SelectMany(t => t.GetMethods(BindingFlags.Instance | BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
        .Where(m => ConventionNames.Contains(m.Name) && !m.IsPublic)
        .Select(m => $"{m.DeclaringType!.Name}.{m.Name}({string.Join(", ", m.GetParameters().Select(p => p.ParameterType.Name))})");
}
