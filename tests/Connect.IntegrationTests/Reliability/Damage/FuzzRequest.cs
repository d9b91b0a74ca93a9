namespace Connect.IntegrationTests.Reliability.Damage;

/// <summary>What a hostile request can change: one resource, read back at <see cref="Url"/>.</summary>
internal sealed record FuzzTarget(string Kind, string Id)
{
    public string Url => Kind switch
    {
        "product" => $"/products/{Uri.EscapeDataString(Id)}",
        "group" => $"/product-offering-groups/{Uri.EscapeDataString(Id)}",
        "offering" => $"/product-offerings/{Uri.EscapeDataString(Id)}",
        "catalog" => $"/product-catalogs/{Uri.EscapeDataString(Id)}",
        _ => $"/promo-codes/{Uri.EscapeDataString(Id)}",
    };
}

/// <summary>
/// One hostile write. <see cref="Current"/> in a conditional header stands for the target's ETag read just before
/// the request is sent, so "If-Match: the current tag" stays meaningful however the world has drifted.
/// </summary>
internal sealed record FuzzRequest(string Method, string Path, string? Body, string Mutation, FuzzTarget Target,
    string? IfMatch = null, string? IfNoneMatch = null)
{
    public const string Current = "{current}";

    public override string ToString() =>
        $"{Method} {Path}{(IfMatch is null ? "" : $" If-Match: {IfMatch}")}{(IfNoneMatch is null ? "" : $" If-None-Match: {IfNoneMatch}")}" +
        $" [{Mutation}] {(Body is null ? "(no body)" : Body.Length < 600 ? Body : Elided(Body))}";

    /// <summary>The body with long runs of one character written as a count, so a 100 KB string prints in a line.</summary>
    private static string Elided(string body) =>
        System.Text.RegularExpressions.Regex.Replace(body, @"(.)\1{40,}", m => $"{m.Groups[1].Value}…×{m.Length}…");
}
