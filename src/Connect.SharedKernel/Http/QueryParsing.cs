using Connect.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;

namespace Connect.SharedKernel.Http;

/// <summary>
/// Reads query strings into typed queries, collecting every bad value as a field error so one 400 lists
/// them all. Range rules (limit 1–1000, ...) are left to the query's validator, which in-process callers
/// also pass through.
/// </summary>
public sealed class QueryParsing(IQueryCollection query)
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

    /// <summary>Records a bad value; <see cref="ThrowIfInvalid"/> reports it with the others.</summary>
    public void Error(string name, string message) => _errors.Add(new FieldError(name, message));

    /// <summary>A list endpoint's <c>limit</c> and <c>offset</c>, or a 400 naming what is not a number.</summary>
    public static (int Limit, int Offset) PagingOf(IQueryCollection query)
    {
        var p = new QueryParsing(query);
        var paging = p.Paging();
        p.ThrowIfInvalid();
        return paging;
    }

    /// <summary>The common paging parameters (their range is the query validator's job).</summary>
    public (int Limit, int Offset) Paging() => (Int("limit", Connect.SharedKernel.Paging.Paging.DefaultLimit), Int("offset", 0));

    private static string Truncate(string value) => value.Length <= 40 ? value : value[..40] + "…";

    public delegate bool TryParser<T>(string value, out T result);
}
