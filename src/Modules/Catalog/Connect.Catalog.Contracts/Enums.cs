using System.Text.Json.Serialization;

namespace Connect.Catalog.Contracts;

#pragma warning disable CS1591 // the wire names below are the documentation
/// <summary>What kind of product an offering sells.</summary>
public enum ProductType
{
    [JsonStringEnumMemberName("SUBSCRIPTION")] Subscription = 1,
    [JsonStringEnumMemberName("SUBSCRIPTION_ADDON")] SubscriptionAddon,
    [JsonStringEnumMemberName("SUBSCRIPTION_TOPUP")] SubscriptionTopup,
    [JsonStringEnumMemberName("LICENSE")] License,
    [JsonStringEnumMemberName("EXTERNAL_PRODUCT")] ExternalProduct,
}

/// <summary>Product category, written in the short form; ProductCategoryJsonConverter also reads the long form.</summary>
public enum ProductCategory
{
    [JsonStringEnumMemberName("SUBSCRIPTION_CELL")] SubscriptionCell = 1,
    [JsonStringEnumMemberName("SUBSCRIPTION_DATA_SIM")] SubscriptionDataSim,
    [JsonStringEnumMemberName("SUBSCRIPTION_BROADBAND")] SubscriptionBroadband,
    [JsonStringEnumMemberName("SUBSCRIPTION_M2M")] SubscriptionM2m,
    [JsonStringEnumMemberName("TRAVEL_ESIM")] TravelEsim,
    [JsonStringEnumMemberName("EXTRA_DATA")] ExtraData,
    [JsonStringEnumMemberName("TRAVEL_ESIM_PACKAGE")] TravelEsimPackage,
    [JsonStringEnumMemberName("LICENSE")] License,
    [JsonStringEnumMemberName("EXTERNAL")] External,
}

/// <summary>Whether an offering is sold.</summary>
public enum OfferingStatus
{
    [JsonStringEnumMemberName("AVAILABLE")] Available = 1,
    [JsonStringEnumMemberName("ARCHIVED")] Archived,
}

/// <summary>Status filter of the offering list; <c>ALL</c> shows both.</summary>
public enum OfferingStatusFilter
{
    [JsonStringEnumMemberName("AVAILABLE")] Available = 1,
    [JsonStringEnumMemberName("ARCHIVED")] Archived,
    [JsonStringEnumMemberName("ALL")] All,
}

/// <summary>One-time or recurring charge.</summary>
public enum PriceType
{
    [JsonStringEnumMemberName("ONE_TIME")] OneTime = 1,
    [JsonStringEnumMemberName("RECURRING")] Recurring,
}

/// <summary>Billing period unit.</summary>
public enum BillingPeriod
{
    [JsonStringEnumMemberName("DAILY")] Daily = 1,
    [JsonStringEnumMemberName("WEEKLY")] Weekly,
    [JsonStringEnumMemberName("MONTHLY")] Monthly,
    [JsonStringEnumMemberName("YEARLY")] Yearly,
}

/// <summary>When a product starts running.</summary>
public enum ActivationType
{
    [JsonStringEnumMemberName("INSTANT")] Instant = 1,
    [JsonStringEnumMemberName("FIRST_USE")] FirstUse,
}

/// <summary>How strongly a subscriber field is required to buy a product.</summary>
public enum RequirementLevel
{
    [JsonStringEnumMemberName("OPTIONAL")] Optional = 1,
    [JsonStringEnumMemberName("REQUIRED")] Required,
    [JsonStringEnumMemberName("VERIFIED")] Verified,
}

/// <summary>Sort keys of the offering list.</summary>
public enum OfferingSortKey { Name = 1, CreatedAt, UpdatedAt, NetPrice }
#pragma warning restore CS1591
