using Connect.SharedKernel;
using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Connect.Catalog.Features.ReadAsOf;

/// <summary>The <c>asOf</c> query parameter of the offering and catalog reads (spec §9).</summary>
internal static class AsOfReads
{
    /// <summary>The instant asked for, or null when the read is of the present; 400 for a malformed or future one.</summary>
    public static DateTimeOffset? Instant(HttpContext http) => Instant(http, "asOf", required: false);

    /// <summary>An instant parameter: one RFC 3339 time, not in the future; 400 otherwise (or when required and absent).</summary>
    public static DateTimeOffset? Instant(HttpContext http, string name, bool required)
    {
        if (!http.Request.Query.TryGetValue(name, out var values))
            return required ? throw new ValidationFailedException(name, $"{name} is required.") : null;
        if (values.Count != 1 || !UtcTimestampConverter.TryParse(values[0], out var at))
            throw new ValidationFailedException(name, $"{name} must be one RFC 3339 time with its offset, such as 2026-03-03T12:00:00Z.");
        if (at > http.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow())
            throw new ValidationFailedException(name, $"{name} must not be in the future.");
        return at;
    }

    /// <summary>200 with the bytes as they read then and their strong ETag (the same for that instant forever), or 404.</summary>
    public static IResult Answer(HttpContext http, byte[]? body, string kind, string id) =>
        body is null ? throw new NotFoundException(kind, id) : Answer(http, body);

    /// <summary>200 with the bytes as they read then and their strong ETag (the same for that instant forever).</summary>
    public static IResult Answer(HttpContext http, byte[] body) => ETags.Json(http, body, ETags.Of(body));
}
