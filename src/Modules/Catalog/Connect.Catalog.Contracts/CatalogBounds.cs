namespace Connect.Catalog.Contracts;

/// <summary>
/// The bounds of every text and collection a representation embeds. Chosen so the largest offering that can
/// be written stays within <see cref="MaxOfferingBytes"/> serialized, counting every character at its worst
/// escape (<c>\uXXXX</c>, 6 bytes), so a page of 1 000 offerings stays within 64 MB.
/// </summary>
#pragma warning disable CS1591 // each name says what it bounds
public static class CatalogBounds
{
    /// <summary>The largest serialized offering (product and group summary included), in bytes.</summary>
    public const int MaxOfferingBytes = 64 * 1024;

    /// <summary>Names of offerings, groups and catalogs; a product's internal name.</summary>
    public const int Name = 200;

    /// <summary>An offering's or group's <c>description</c> and <c>internalDescription</c>.</summary>
    public const int Description = 1_000;

    /// <summary>A catalog's <c>description</c> (a catalog is never embedded in another representation).</summary>
    public const int CatalogDescription = 4_000;

    public const int RichContent = 4_000;
    public const int ImageUrl = 1_000;
    public const int AddonCategories = 20;
    public const int NetworkProviderId = 100;
    public const int ExternalReference = 200;

    /// <summary>Entries of a product's <c>requirements</c>, and the longest key.</summary>
    public const int Requirements = 50;

    public const int RequirementKey = 64;
    public const int Countries = 250;
    public const int Regions = 10;
    public const int Region = 50;

    /// <summary>A catalog lists at most a full offering page, so it is no larger than one.</summary>
    public const int CatalogOfferings = 1_000;

    public const int CatalogGroups = 50;
}
#pragma warning restore CS1591
