using Connect.SharedKernel.Errors;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Primitives;
using Microsoft.Net.Http.Headers;

namespace Connect.SharedKernel.Http;

/// <summary>
/// The conditions a write is made under (RFC 9110 §13), as the <c>If-Match</c> and <c>If-None-Match</c> header
/// values: If-Match must list the resource's current ETag (strong comparison, <c>*</c> = it exists),
/// If-None-Match must not (weak comparison, <c>*</c> = it does not exist). A failed condition is a 412 and
/// nothing changes; commands check them inside their transaction, against the representation they change.
/// </summary>
public sealed record Preconditions(string? IfMatch = null, string? IfNoneMatch = null)
{
    public static readonly Preconditions None = new();

    /// <summary>For an in-process caller: the change applies only while the resource still has this ETag.</summary>
    public static Preconditions IfMatches(string etag) => new(IfMatch: etag);

    /// <summary>
    /// The request's conditional headers, checked for syntax now: a list that does not parse as a whole
    /// (<c>"a", b</c>) is a 400, never read as whatever prefix of it parses.
    /// </summary>
    public static Preconditions Of(HttpRequest request)
    {
        var preconditions = new Preconditions(Text(request.Headers.IfMatch), Text(request.Headers.IfNoneMatch));
        _ = Tags(preconditions.IfMatch, "If-Match");
        _ = Tags(preconditions.IfNoneMatch, "If-None-Match");
        return preconditions;
    }

    public bool IsEmpty => IfMatch is null && IfNoneMatch is null;

    /// <summary>412 unless the conditions hold for a resource whose current ETag is <paramref name="currentEtag"/>.</summary>
    public void Check(string currentEtag)
    {
        if (Tags(IfMatch, "If-Match") is { } ifMatch && !ifMatch.Any(t => t.Tag == "*" || (!t.IsWeak && t.Tag.Value == currentEtag)))
            throw new PreconditionFailedException("If-Match does not list the resource's current ETag. Read it again and retry.");
        if (Tags(IfNoneMatch, "If-None-Match") is { } ifNoneMatch && ifNoneMatch.Any(t => t.Tag == "*" || t.Tag.Value == currentEtag))
            throw new PreconditionFailedException("If-None-Match lists the resource's current ETag (or *): the change is not made.");
    }

    /// <summary>412 when a write that creates a resource is asked, by If-Match, to change an existing one.</summary>
    public void CheckNoCurrentResource()
    {
        if (IfMatch is not null)
            throw new PreconditionFailedException("If-Match needs an existing resource; a create has none.");
    }

    private static string? Text(StringValues values) =>
        values.Count == 0 || values.All(string.IsNullOrWhiteSpace) ? null : string.Join(", ", values.Where(v => !string.IsNullOrWhiteSpace(v)));

    private static IList<EntityTagHeaderValue>? Tags(string? header, string name)
    {
        if (header is null) return null;
        if (EntityTagHeaderValue.TryParseStrictList([header], out var tags) && tags.Count > 0 && (tags.Count == 1 || tags.All(t => t.Tag != "*")))
            return tags;
        throw new ValidationFailedException(name, $"{name} must be * or a comma-separated list of entity tags such as \"abc\" or W/\"abc\".");
    }
}
