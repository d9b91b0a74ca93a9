using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.Domain;
using Connect.Catalog.Json;
using Connect.SharedKernel.Domain;

namespace Connect.Catalog.ChangeLog;

/// <summary>A catalog in its management form, as the change log shows it: what an operator sets, with ids rather than embedded offerings.</summary>
internal sealed record ManagedCatalog(
    string ProductCatalogId, string Name, [property: JsonPropertyName("external_reference")] string? ExternalReference,
    string? Description, CustomerType CustomerType, string? Locale, bool IsDefault, IReadOnlyList<string> ProductOfferingIds,
    IReadOnlyList<string> ProductOfferingGroupIds, IReadOnlyDictionary<string, JsonElement>? Metadata, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt)
{
    public static ManagedCatalog Of(CatalogDocument c) => new(c.Id, c.Name, c.ExternalReference, c.Description, c.CustomerType, c.Locale,
        c.IsDefault, c.ProductOfferingIds, c.ProductOfferingGroupIds, CanonicalJson.Metadata(c.Metadata), c.CreatedAt, c.UpdatedAt);
}
