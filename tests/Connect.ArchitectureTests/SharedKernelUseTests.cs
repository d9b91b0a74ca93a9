using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Connect.Catalog;
using Connect.Identity;
using Connect.Pricing;
using Connect.SharedKernel;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Connect.Webhooks;

namespace Connect.ArchitectureTests;

/// <summary>
/// The shared kernel holds what at least two parts (a module with its contracts, or the host) use; what one
/// module alone uses lives in that module. A part uses a type when its compiled code references it; a constant is
/// copied into its user, so a type used only for its constants is kept in the list below.
/// </summary>
public sealed class SharedKernelUseTests
{
    private static readonly Assembly Kernel = typeof(ConnectJson).Assembly;

    private static readonly Dictionary<string, Assembly[]> Parts = new()
    {
        ["Catalog"] = [typeof(CatalogModule).Assembly, typeof(Catalog.Contracts.ProductOffering).Assembly],
        ["Pricing"] = [typeof(PricingModule).Assembly, typeof(Pricing.Contracts.PriceOfferings).Assembly],
        ["Identity"] = [typeof(IdentityModule).Assembly, typeof(Identity.Contracts.Scopes).Assembly],
        ["Webhooks"] = [typeof(WebhooksModule).Assembly],
        ["Api"] = [typeof(Program).Assembly],
    };

    /// <summary>Public kernel types fewer than two parts reference, each with why it stays in the kernel.</summary>
    private static readonly Dictionary<Type, string> Kept = new()
    {
        [typeof(ChangeKinds)] = "constants only, compiled into Catalog and Pricing, so no reference to the type is left",
        [typeof(Paging)] = "constants only (the default and largest page size), compiled into every module",
        [typeof(ChangeLogTable)] = "Catalog and Webhooks use its table name, a constant compiled into them; the change log defines the tables",
        [typeof(ChangeSignal)] = "Catalog listens on its channel, a constant compiled into it; Webhooks waits on the signal itself",
        [typeof(ChangeLogRegistration)] = "the change log's registration, which the host calls",
        [typeof(IChangeReaction)] = "what the change log's reaction runner runs; Pricing's list of archived offerings is the one reaction so far",
        [typeof(PreconditionFailedException)] = "thrown by Preconditions, which every module calls; the host maps it",
        [typeof(Pagination)] = "part of ListResponse, the list envelope every module answers with",
        [typeof(SortInfo)] = "part of ListResponse, the list envelope every module answers with",
        [typeof(SecretAnswer)] = "the endpoint marker ShowsSecretOnce sets (Identity, Webhooks) and the host reads",
        [typeof(WireEnum<>)] = "the enum converter ConnectJson installs for every body reads and writes through it; Catalog also parses query values",
        [typeof(UtcTimestampConverter)] = "ConnectJson installs it for every body; Catalog also parses query times with it",
        [typeof(JsonSplice)] = "Respond.List places already written items with it; Catalog also splices its as-of catalog",
    };

    [Fact]
    public void Given_the_shared_kernel_Then_each_public_type_is_used_by_two_parts_or_kept_for_a_reason()
    {
        var lonely = Kernel.GetExportedTypes()
            .Where(t => !t.IsNested && !Kept.ContainsKey(t))
            .Select(t => (Type: t, Parts: PartsUsing(t)))
            .Where(u => u.Parts.Count < 2)
            .Select(u => $"{u.Type.FullName} (used by: {string.Join(", ", u.Parts)})");

        string.Join("; ", lonely).Should().BeEmpty("a type one part alone uses belongs in that part (or is kept in the list with a reason)");
    }

    [Fact]
    public void Given_the_kept_types_Then_each_still_needs_its_reason()
    {
        string.Join("; ", Kept.Keys.Where(t => PartsUsing(t).Count >= 2).Select(t => t.FullName))
            .Should().BeEmpty("a type two parts use needs no reason to stay");
        Kept.Keys.Should().OnlyContain(t => t.IsPublic, "only public types need a reason");
    }

    private static List<string> PartsUsing(Type type) =>
        [.. Parts.Where(p => p.Value.Any(a => ReferencedKernelTypes(a).Contains($"{type.Namespace}.{type.Name}"))).Select(p => p.Key)];

    private static readonly Dictionary<Assembly, HashSet<string>> References = [];

    /// <summary>The kernel types the assembly's metadata references (<c>Namespace.Name</c>, generic arity included).</summary>
    private static HashSet<string> ReferencedKernelTypes(Assembly assembly)
    {
        lock (References)
        {
            if (References.TryGetValue(assembly, out var known)) return known;
            using var pe = new PEReader(File.OpenRead(assembly.Location));
            var metadata = pe.GetMetadataReader();
            var kernel = Kernel.GetName().Name;
            var names = metadata.TypeReferences
                .Select(metadata.GetTypeReference)
                .Where(r => r.ResolutionScope.Kind == HandleKind.AssemblyReference &&
                            metadata.GetString(metadata.GetAssemblyReference((AssemblyReferenceHandle)r.ResolutionScope).Name) == kernel)
                .Select(r => $"{metadata.GetString(r.Namespace)}.{metadata.GetString(r.Name)}")
                .ToHashSet(StringComparer.Ordinal);
            References[assembly] = names;
            return names;
        }
    }
}
