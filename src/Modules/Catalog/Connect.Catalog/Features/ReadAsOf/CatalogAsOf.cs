using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Connect.Catalog.ChangeLog;
using Connect.Catalog.Contracts;
using Connect.Catalog.Domain;
using Connect.Catalog.Reading;
using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.Pricing.Contracts;
using Mediator;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace Connect.Catalog.Features.ReadAsOf;

/// <summary>
/// Offerings and catalogs exactly as they read at a past instant (spec §9), rebuilt from the change log: an offering
/// is its entry's representation as it was written then; a catalog is its management form then, with the groups
/// and the AVAILABLE offerings of its customer type as they read then, shaped as the live catalog is.
/// </summary>
internal sealed class CatalogAsOf(ChangeHistory history, IOptions<JsonOptions> json, ISender sender)
{
    private JsonSerializerOptions Options => json.Value.SerializerOptions;

    /// <summary>The offering as its GET answered then; with a promo code, priced with the code as it stood then.</summary>
    public async Task<byte[]?> OfferingAsync(string id, DateTimeOffset at, string? promoCode, CancellationToken cancellationToken)
    {
        if (!(await history.AtAsync(ResourceTypes.ProductOffering, [id], at, cancellationToken)).TryGetValue(id, out var text)) return null;
        return string.IsNullOrEmpty(promoCode)
            ? Encoding.UTF8.GetBytes(text)
            : JsonSerializer.SerializeToUtf8Bytes((await PricedAsync([Read<ProductOffering>(text)], promoCode, at, cancellationToken))[0], Options);
    }

    public async Task<byte[]?> CatalogAsync(string id, DateTimeOffset at, string? promoCode, CancellationToken cancellationToken) =>
        (await history.AtAsync(ResourceTypes.ProductCatalog, [id], at, cancellationToken)).TryGetValue(id, out var text)
            ? await BodyAsync(Read<ManagedCatalog>(text), at, promoCode, cancellationToken)
            : null;

    /// <summary>The catalog as its GET showed it then; null when it did not exist.</summary>
    public async Task<ProductCatalog?> ShownAsync(string id, DateTimeOffset at, CancellationToken cancellationToken, string? promoCode = null) =>
        (await history.AtAsync(ResourceTypes.ProductCatalog, [id], at, cancellationToken)).TryGetValue(id, out var text)
            ? await ShowAsync(Read<ManagedCatalog>(text), at, promoCode, cancellationToken)
            : null;

    /// <summary>The catalog that was the default for the customer context then (the live rules, on the catalogs of then).</summary>
    public async Task<byte[]?> DefaultCatalogAsync(CustomerType customerType, string locale, DateTimeOffset at, string? promoCode,
        CancellationToken cancellationToken)
    {
        var defaults = (await history.AllAtAsync(ResourceTypes.ProductCatalog, at, cancellationToken)).Values.Select(Read<ManagedCatalog>)
            .Where(c => c.IsDefault && c.CustomerType == customerType).ToDictionary(c => c.ProductCatalogId, StringComparer.Ordinal);
        var picked = DefaultCatalogResolver.Pick(defaults.Values.Select(c => new CatalogDocument { Id = c.ProductCatalogId, Locale = c.Locale }), locale);
        return picked is null ? null : await BodyAsync(defaults[picked.Id], at, promoCode, cancellationToken);
    }

    /// <summary>
    /// The bytes the catalog's GET answered then. Without a promo code its offerings are the bytes logged for them, placed
    /// as they are (only their status and customer type are read), as the live catalog places its offerings' renderings.
    /// </summary>
    private async Task<byte[]> BodyAsync(ManagedCatalog catalog, DateTimeOffset at, string? promoCode, CancellationToken cancellationToken)
    {
        if (!string.IsNullOrEmpty(promoCode)) return JsonSerializer.SerializeToUtf8Bytes(await ShowAsync(catalog, at, promoCode, cancellationToken), Options);
        var listed = await ListedAsync(catalog, at, text => Read<Logged>(text) with { Text = text }, o => (o.Status, o.CustomerType), cancellationToken);
        var envelope = JsonSerializer.SerializeToUtf8Bytes(await SummaryAsync(catalog, at, cancellationToken) with { ProductOfferings = [] }, Options);
        // productOfferings follows the id and the name, strings in which a quote is escaped: its opening is found first.
        return JsonSplice.Into(envelope, "\"productOfferings\":["u8, [.. listed.Select(o => Encoding.UTF8.GetBytes(o.Text))]);
    }

    /// <summary>An offering's log entry as the catalog reads it: whether it shows, and its bytes.</summary>
    [JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Skip)]
    private sealed record Logged(OfferingStatus Status, CustomerType CustomerType)
    {
        [JsonIgnore] public string Text { get; init; } = "";
    }

    /// <summary>The catalog as the live read builds it, from the catalog, its groups and its offerings as they read then.</summary>
    private async Task<ProductCatalog> ShowAsync(ManagedCatalog catalog, DateTimeOffset at, string? promoCode, CancellationToken cancellationToken)
    {
        var listed = await ListedAsync(catalog, at, Read<ProductOffering>, o => (o.Status, o.CustomerType), cancellationToken);
        return await SummaryAsync(catalog, at, cancellationToken) with { ProductOfferings = await PricedAsync(listed, promoCode, at, cancellationToken) };
    }

    /// <summary>The offerings the catalog showed then, each read from its log entry by <paramref name="read"/>.</summary>
    private async Task<List<T>> ListedAsync<T>(ManagedCatalog catalog, DateTimeOffset at, Func<string, T> read,
        Func<T, (OfferingStatus, CustomerType)> state, CancellationToken cancellationToken) where T : class
    {
        var offerings = (await history.AtAsync(ResourceTypes.ProductOffering, catalog.ProductOfferingIds.Distinct().ToList(), at, cancellationToken))
            .ToDictionary(o => o.Key, o => read(o.Value), StringComparer.Ordinal);
        return CatalogAssembler.Listed(catalog.ProductOfferingIds, catalog.CustomerType, offerings, state);
    }

    private async Task<ProductCatalog> SummaryAsync(ManagedCatalog catalog, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var groups = await history.AtAsync(ResourceTypes.ProductOfferingGroup, catalog.ProductOfferingGroupIds.Distinct().ToList(), at, cancellationToken);
        return CatalogAssembler.Summary(catalog, id => groups.TryGetValue(id, out var group) ? Read<ProductOfferingGroup>(group) : null);
    }

    /// <summary>The offerings at the prices the promo code gave then (the regular ones, as logged, without a code).</summary>
    public async Task<List<ProductOffering>> PricedAsync(List<ProductOffering> offerings, string? promoCode, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(promoCode)) return offerings;
        var prices = await sender.Send(new PriceOfferings([.. offerings.Select(InputOf)], promoCode, at), cancellationToken);
        return [.. offerings.Select(o => o with { Price = PricedAt(o.Price, prices[o.ProductOfferingId]) })];
    }

    private static Price PricedAt(Price price, ComputedPrice computed) =>
        price with { GrossPrice = computed.GrossPrice, Discount = computed.Discount, NetPrice = computed.NetPrice };

    private static PricingInput InputOf(ProductOffering o) => new(o.ProductOfferingId, o.ProductOfferingGroupId, o.Product?.Type ?? default,
        o.Product?.Category ?? default, o.CustomerType, o.Price.Currency, o.Price.GrossPrice, o.Price.Discount);

    private T Read<T>(string text) => JsonSerializer.Deserialize<T>(text, Options)!;
}
