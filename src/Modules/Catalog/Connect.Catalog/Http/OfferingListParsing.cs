using Connect.Catalog.Contracts;
using Connect.SharedKernel;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Http;
using Connect.SharedKernel.Paging;
using Microsoft.AspNetCore.Http;

namespace Connect.Catalog.Http;

/// <summary>The offering list's query string (spec §3), read into one typed query.</summary>
internal static class OfferingListParsing
{
    public static ListProductOfferings OfferingList(IQueryCollection query, CustomerType callerType)
    {
        var p = new QueryParsing(query);
        var (sortKey, direction) = Sort(p);
        var (limit, offset) = p.Paging();
        var list = new ListProductOfferings
        {
            Types = p.Many<ProductType>("type", "types", WireEnum<ProductType>.TryParse),
            Categories = p.Many<ProductCategory>("category", "categories", ProductCategoryJsonConverter.TryParse),
            // Without an explicit customerType, a key's list shows its own customer type's offerings (spec §3).
            CustomerType = p.One<CustomerType>("customerType", WireEnum<CustomerType>.TryParse) ?? callerType,
            Status = p.One<OfferingStatusFilter>("status", WireEnum<OfferingStatusFilter>.TryParse) ?? OfferingStatusFilter.Available,
            ProductOfferingGroupId = p.String("productOfferingGroupId", 64) is { Length: > 0 } groupId ? groupId : null,
            // Any string: one that cannot be a code is Pricing's 422 "unknown", as on every other priced read.
            PromoCode = p.String("promoCode", 8192),
            Limit = limit,
            Offset = offset,
            Sort = sortKey,
            Direction = direction,
        };
        p.ThrowIfInvalid();
        return list;
    }

    private static (OfferingSortKey Key, SortDirection Direction) Sort(QueryParsing p)
    {
        var raw = p.String("sort", 32);
        if (raw is null) return (OfferingSortKey.Name, SortDirection.Asc);
        // One optional '-', then a key: "--name" or "-" is an error, not a guess.
        var direction = raw.StartsWith('-') ? SortDirection.Desc : SortDirection.Asc;
        OfferingSortKey? key = (direction == SortDirection.Desc ? raw[1..] : raw) switch
        {
            "name" => OfferingSortKey.Name,
            "createdAt" => OfferingSortKey.CreatedAt,
            "updatedAt" => OfferingSortKey.UpdatedAt,
            "netPrice" => OfferingSortKey.NetPrice,
            _ => null,
        };
        if (key is null) p.Error("sort", "sort must be name, createdAt, updatedAt or netPrice, optionally prefixed with '-'.");
        return (key ?? OfferingSortKey.Name, direction);
    }
}
