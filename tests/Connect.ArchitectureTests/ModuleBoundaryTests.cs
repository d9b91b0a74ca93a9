using System.Reflection;
using Connect.Catalog;
using Connect.Identity;
using Connect.Pricing;
using Connect.Webhooks;
using NetArchTest.Rules;

namespace Connect.ArchitectureTests;

/// <summary>
/// A module is a small public door (its *Module class) plus internal everything; modules meet only
/// through each other's .Contracts. Each rule here was seen failing once before it was trusted.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static readonly Assembly[] Implementations =
        [typeof(CatalogModule).Assembly, typeof(PricingModule).Assembly, typeof(IdentityModule).Assembly, typeof(WebhooksModule).Assembly];

    private static readonly Assembly Host = typeof(Program).Assembly;

    [Fact]
    public void Given_the_modules_Then_none_references_another_modules_implementation()
    {
        var names = Implementations.Select(a => a.GetName().Name!).ToHashSet();
        foreach (var module in Implementations)
        {
            var references = module.GetReferencedAssemblies().Select(r => r.Name!).Where(names.Contains).ToList();
            references.Should().BeEmpty($"{module.GetName().Name} may use other modules only through their .Contracts");
        }
    }

    [Fact]
    public void Given_the_contracts_Then_none_references_any_module_implementation()
    {
        var names = Implementations.Select(a => a.GetName().Name!).ToHashSet();
        foreach (var contract in ContractDependencies.Keys)
            contract.GetReferencedAssemblies().Select(r => r.Name!).Where(names.Contains).Should().BeEmpty();
    }

    /// <summary>What each door may lean on besides the shared kernel: Pricing prices Catalog's offerings by their type and category.</summary>
    private static readonly Dictionary<Assembly, string[]> ContractDependencies = new()
    {
        [typeof(Catalog.Contracts.ProductOffering).Assembly] = [],
        [typeof(Pricing.Contracts.PriceOfferings).Assembly] = ["Connect.Catalog.Contracts"],
        [typeof(Identity.Contracts.Scopes).Assembly] = [],
    };

    [Fact]
    public void Given_the_contracts_Then_each_depends_only_on_the_shared_kernel_and_the_contracts_it_names()
    {
        foreach (var (contract, allowed) in ContractDependencies)
            contract.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(n => n.StartsWith("Connect.", StringComparison.Ordinal))
                .Should().BeSubsetOf(allowed.Append("Connect.SharedKernel"), $"{contract.GetName().Name} is a door, not a module");
    }

    [Fact]
    public void Given_the_modules_Then_each_references_only_the_shared_kernel_and_other_modules_contracts()
    {
        foreach (var module in Implementations)
            module.GetReferencedAssemblies().Select(r => r.Name!)
                .Where(n => n.StartsWith("Connect.", StringComparison.Ordinal))
                .Should().OnlyContain(n => n == "Connect.SharedKernel" || n.EndsWith(".Contracts", StringComparison.Ordinal),
                    $"{module.GetName().Name} meets the host and other modules only through doors");
    }

    [Fact]
    public void Given_a_module_implementation_Then_its_only_public_type_is_its_door()
    {
        foreach (var module in Implementations)
            module.GetExportedTypes().Select(t => t.Name).Should().Equal([module.GetName().Name!.Split('.')[1] + "Module"],
                $"everything in {module.GetName().Name} but its registration is internal");
    }

    [Fact]
    public void Given_the_host_Then_its_own_code_touches_modules_only_through_their_door_and_contracts()
    {
        // The Mediator source generator writes the handler wiring into the host (namespace Mediator); that
        // generated code is the one part allowed to name module internals.
        var internals = Implementations.SelectMany(a => a.GetTypes())
            .Where(t => !t.Name.EndsWith("Module", StringComparison.Ordinal) && t.Namespace is not null)
            .Select(t => t.FullName!).ToArray();

        var result = Types.InAssembly(Host)
            .That().DoNotResideInNamespace("Mediator")
            .ShouldNot().HaveDependencyOnAny(internals)
            .GetResult();

        (result.FailingTypeNames ?? []).Should().BeEmpty("the host composes modules, it does not reach into them");
    }
}
