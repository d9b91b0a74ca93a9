using System.Text.Json;
using System.Text.RegularExpressions;
using Connect.SharedKernel.Http;

namespace Connect.Webhooks.Domain;

/// <summary>
/// A webhook's entity tag: its settings' tag with its backlog, <c>"&lt;settings&gt;.&lt;backlog&gt;"</c>, so a GET's 304
/// needs both unchanged. A change's If-Match is compared with the settings part alone: deliveries move the backlog
/// all the time, and they must not fail a PATCH or DELETE made on what the caller read.
/// </summary>
internal static partial class WebhookETags
{
    public static string Of(Webhook webhook, JsonSerializerOptions options)
    {
        var settings = Settings(webhook, options);
        return webhook.Backlog is { } backlog ? settings.Insert(settings.Length - 1, "." + backlog.ToString(System.Globalization.CultureInfo.InvariantCulture)) : settings;
    }

    /// <summary>The tag of the settings alone: the representation without the backlog.</summary>
    public static string Settings(Webhook webhook, JsonSerializerOptions options) => ETags.Of(webhook with { Backlog = null }, options);

    /// <summary>The conditions with each listed tag's backlog part dropped, to be checked against <see cref="Settings"/>.</summary>
    public static Preconditions OnSettings(Preconditions preconditions) =>
        preconditions with { IfMatch = WithoutBacklog(preconditions.IfMatch), IfNoneMatch = WithoutBacklog(preconditions.IfNoneMatch) };

    private static string? WithoutBacklog(string? header) => header is null ? null : Backlog().Replace(header, "\"");

    [GeneratedRegex("\\.[0-9]+\"", RegexOptions.CultureInvariant)]
    private static partial Regex Backlog();
}
