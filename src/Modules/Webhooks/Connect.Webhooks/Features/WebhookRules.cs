using Connect.SharedKernel.ChangeLog;
using Connect.SharedKernel.Errors;
using Connect.Webhooks.Domain;
using Microsoft.Extensions.Options;

namespace Connect.Webhooks.Features;

/// <summary>What a webhook's settings may hold, shared by create and patch.</summary>
internal static class WebhookRules
{
    public const int MaxDescription = 500;
    public static readonly string ResourceTypesRule = $"resourceTypes must be among: {string.Join(", ", ResourceTypes.All)}.";
    public const string PromoCodesRule = "promoCode changes go only to webhooks created by a key holding pricing:write.";

    public static bool AreResourceTypes(IEnumerable<string?>? types) => types is null || types.All(t => t is not null && ResourceTypes.All.Contains(t));

    public static List<string> Normalize(IEnumerable<string?>? types) => [.. (types ?? []).OfType<string>().Distinct().Order(StringComparer.Ordinal)];
}

/// <summary>Where a webhook may point: the URL's destination checked against the private-network rule.</summary>
internal sealed class WebhookUrls(IOptions<WebhookOptions> options)
{
    public async Task EnsureAllowedAsync(string url, CancellationToken cancellationToken)
    {
        if (await UrlGuard.DestinationErrorAsync(url, options.Value.AllowPrivateNetworks, cancellationToken) is { } error)
            throw new ValidationFailedException("url", error);
    }
}
