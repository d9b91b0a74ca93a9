using Microsoft.AspNetCore.Authorization;

namespace Connect.Api.OpenApi;

/// <summary>Who may call an operation, read from its endpoint's authorization metadata.</summary>
internal sealed record OperationAccess(bool NeedsKey, string? Scope)
{
    private const string AnyKeyPolicy = "any-key";

    public static OperationAccess Of(IEnumerable<object> metadata)
    {
        var items = metadata.ToList();
        // The last word wins, as in the authorization middleware: a group's AllowAnonymous after RequireAuthorization.
        if (items.OfType<IAllowAnonymous>().Any()) return new(false, null);
        var policy = items.OfType<IAuthorizeData>().Select(a => a.Policy).LastOrDefault(p => p is not null);
        return items.OfType<IAuthorizeData>().Any() ? new(true, policy is AnyKeyPolicy ? null : policy) : new(false, null);
    }

    /// <summary>The sentence the operation's description ends with.</summary>
    public string Sentence => (NeedsKey, Scope) switch
    {
        (false, _) => "**No API key needed.**",
        (true, null) => "**Needs** any valid API key (`X-Api-Key`).",
        (true, var scope) => $"**Scope:** `{scope}` (the key in `X-Api-Key` must hold it).",
    };
}
