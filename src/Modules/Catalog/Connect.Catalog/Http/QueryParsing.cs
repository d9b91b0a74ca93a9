using Connect.Catalog.Contracts;
using Connect.SharedKernel;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Paging;
using Microsoft.AspNetCore.Http;

namespace Connect.Catalog.Http;

/// <summary>
/// Reads query strings into typed queries, collecting every bad value as a field error so one 400 lists
/// them all. Range rules (limit 1–1000, ...) are left to the query's validator, which in-process callers
/// also pass through.
/// </summary>
internal sealed class QueryParsing(IQueryCollection query)
{
    private readonly List<FieldError> _errors = [];

    public void ThrowIfInvalid()
    {
        if (_errors.Count > 0) throw new ValidationFailedException(_errors);
    }

    public string? String(string name, int maxLength = 256)
    {
        var values = query[name];
        if (values.Count == 0) return null;
        if (values.Count > 1) _errors.Add(new FieldError(name, $"{name} may be given once."));
        var value = values[0];
        if (value is null || value.Length > maxLength) { _errors.Add(new FieldError(name, $"{name} is longer than {maxLength} characters.")); return null; }
        return value;
    }

    public int Int(string name, int fallback)
    {
        var raw = String(name, 20);
        if (raw is null) return fallback;
        if (int.TryParse(raw, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var value))
            return value;
        _errors.Add(new FieldError(name, $"{name} must be a whole number."));
        return fallback;
    }

    /// <summary>A repeatable parameter (with an alias); each value may also be a comma-separated list.</summary>
    public List<T> Many<T>(string name, string alias, TryParser<T> parse)
    {
        var result = new List<T>();
        foreach (var raw in query[name].Concat(query[alias]))
        foreach (var part in (raw ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (parse(part, out var value)) result.Add(value);
            else _errors.Add(new FieldError(name, $"'{Truncate(part)}' is not a valid {name}."));
        }
        return result;
    }

    public T? One<T>(string name, TryParser<T> parse) where T : struct
    {
        var raw = String(name);
        if (raw is null) return null;
        if (parse(raw, out var value)) return value;
        _errors.Add(new FieldError(name, $"'{Truncate(raw)}' is not a valid {name}."));
        return null;
    }

    public (OfferingSortKey Key, SortDirection Direction) Sort()
    {
        var raw = String("sort", 32);
        if (raw is null) return (OfferingSortKey.Name, SortDirection.Asc);
        var direction = raw.StartsWith('-') ? SortDirection.Desc : SortDirection.Asc;
        OfferingSortKey? key = raw.TrimStart('-') switch
        {
            "name" => OfferingSortKey.Name,
            "createdAt" => OfferingSortKey.CreatedAt,
            "updatedAt" => OfferingSortKey.UpdatedAt,
            "netPrice" => OfferingSortKey.NetPrice,
            _ => null,
        };
        if (key is null) _errors.Add(new FieldError("sort", "sort must be name, createdAt, updatedAt or netPrice, optionally prefixed with '-'."));
        return (key ?? OfferingSortKey.Name, direction);
    }

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    public delegate bool TryParser<T>(string value, out T result);

    public static ListProductOfferings OfferingList(IQueryCollection query, CustomerType callerType)
    {
        var p = new QueryParsing(query);
        var (sortKey, direction) = p.Sort();
        var list = new ListProductOfferings
        {
            Types = p.Many<ProductType>("type", "types", WireEnum<ProductType>.TryParse),
            Categories = p.Many<ProductCategory>("category", "categories", ProductCategoryJsonConverter.TryParse),
            // Without an explicit customerType, a key's list shows its own customer type's offerings (spec §3).
            CustomerType = p.One<CustomerType>("customerType", WireEnum<CustomerType>.TryParse) ?? callerType,
            Status = p.One<OfferingStatusFilter>("status", WireEnum<OfferingStatusFilter>.TryParse) ?? OfferingStatusFilter.Available,
            ProductOfferingGroupId = p.String("productOfferingGroupId", 64) is { Length: > 0 } groupId ? groupId : null,
            PromoCode = p.String("promoCode", 64),
            Limit = p.Int("limit", Paging.DefaultLimit),
            Offset = p.Int("offset", 0),
            Sort = sortKey,
            Direction = direction,
        };
        p.ThrowIfInvalid();
        return list;
    }
}
