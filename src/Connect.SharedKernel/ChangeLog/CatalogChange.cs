using System.Text.Json;

namespace Connect.SharedKernel.ChangeLog;

/// <summary>One entry of the change log as readers see it (spec §7).</summary>
/// <param name="Sequence">Position in the log: strictly increasing, without gaps, in commit order.</param>
/// <param name="OccurredAt">The server's clock when the change was made (the clock of <c>updatedAt</c>).</param>
/// <param name="ResourceType"><c>product</c>, <c>productOfferingGroup</c>, <c>productOffering</c>, <c>productCatalog</c> or <c>promoCode</c>.</param>
/// <param name="ResourceId">The resource's id (a promo code's code).</param>
/// <param name="Change"><c>CREATED</c>, <c>UPDATED</c>, <c>ARCHIVED</c>, <c>RESTORED</c> or <c>DEACTIVATED</c>.</param>
/// <param name="Version">The resource's own version after the change: 1 for its first entry, then one more per entry.</param>
/// <param name="ChangedBy">The acting API key's id, or <c>system</c>.</param>
/// <param name="Reason">Why, when the command took a reason.</param>
/// <param name="Fields">The top-level fields of the representation that changed (all of them for the first entry).</param>
/// <param name="Resource">The representation right after the change.</param>
public sealed record CatalogChange(
    long Sequence, DateTimeOffset OccurredAt, string ResourceType, string ResourceId, string Change, long Version,
    string ChangedBy, string? Reason, IReadOnlyList<string> Fields, JsonElement Resource);

/// <summary>The resource types of the log.</summary>
public static class ResourceTypes
{
    public const string Product = "product";
    public const string ProductOfferingGroup = "productOfferingGroup";
    public const string ProductOffering = "productOffering";
    public const string ProductCatalog = "productCatalog";
    public const string PromoCode = "promoCode";

    public static readonly IReadOnlyList<string> All = [Product, ProductOfferingGroup, ProductOffering, ProductCatalog, PromoCode];
}

/// <summary>What happened to the resource.</summary>
public static class ChangeKinds
{
    public const string Created = "CREATED";
    public const string Updated = "UPDATED";
    public const string Archived = "ARCHIVED";
    public const string Restored = "RESTORED";
    public const string Deactivated = "DEACTIVATED";
}
