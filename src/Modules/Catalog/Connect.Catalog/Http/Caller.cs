using Connect.Identity.Contracts;
using Microsoft.AspNetCore.Http;

namespace Connect.Catalog.Http;

/// <summary>Who is calling: the key's customer context, with Accept-Language overriding the locale for one request.</summary>
internal static class Caller
{
    public static CustomerContext Context(HttpContext http)
    {
        var context = http.User.GetCustomerContext();
        var preferred = http.Request.GetTypedHeaders().AcceptLanguage
            .Where(l => l.Value.HasValue && l.Value.Value != "*" && (l.Quality ?? 1) > 0)
            .OrderByDescending(l => l.Quality ?? 1)
            .Select(l => l.Value.Value!)
            .FirstOrDefault();
        return preferred is null || preferred.Length > 35 ? context : context with { Locale = preferred };
    }
}
