namespace Connect.Identity.Contracts;

/// <summary>What an API key may do (spec §1). Each scope is also the name of an authorization policy.</summary>
public static class Scopes
{
    /// <summary>All GETs of catalogs, offerings, groups and history.</summary>
    public const string CatalogRead = "catalog:read";
    /// <summary>Create, update, archive and restore of products, groups, offerings and catalogs.</summary>
    public const string CatalogWrite = "catalog:write";
    /// <summary>Promo codes.</summary>
    public const string PricingWrite = "pricing:write";
    /// <summary>API keys.</summary>
    public const string KeysAdmin = "keys:admin";
    /// <summary>Webhooks: their management and delivery history.</summary>
    public const string WebhooksAdmin = "webhooks:admin";

    /// <summary>Every scope, in the order they are documented.</summary>
    public static readonly IReadOnlyList<string> All = [CatalogRead, CatalogWrite, PricingWrite, KeysAdmin, WebhooksAdmin];
}
