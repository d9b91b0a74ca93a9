using Connect.Identity.Contracts;
using Connect.SharedKernel.Errors;

namespace Connect.Identity.Features;

/// <summary>
/// What a new key may be: never more than the key creating it (scopes, rate, burst), and no longer-lived than
/// <see cref="IdentityOptions.MaxKeyLifetimeDays"/> when that is set.
/// </summary>
internal static class KeyMintingRules
{
    public static void Check(CreateApiKey command, DateTimeOffset now, IdentityOptions options)
    {
        if (command.ExpiresAt is { } expiresAt && expiresAt <= now)
            throw new ValidationFailedException("expiresAt", "expiresAt must be in the future.");
        if (options.MaxKeyLifetimeDays is > 0 and var days && (command.ExpiresAt is not { } expiry || expiry > now.AddDays(days)))
            throw new ValidationFailedException("expiresAt", $"expiresAt is required and at most {days} days from now.");

        if (command.Caller is not { } caller) return;
        var beyond = command.Scopes!.OfType<string>().Distinct().Where(s => !caller.Scopes.Contains(s)).Order(StringComparer.Ordinal).ToList();
        if (beyond.Count > 0)
            throw new KeyExceedsCallerException($"The acting key does not hold {string.Join(", ", beyond)}; a key can only grant scopes it holds.");
        var asked = command.RateLimit is { PermitsPerSecond: { } perSecond, Burst: { } burst }
            ? new RateLimitPolicy(perSecond, burst)
            : new RateLimitPolicy(Math.Max(1, options.PermitsPerSecond), Math.Max(1, options.Burst));
        if (asked.PermitsPerSecond > caller.RateLimit.PermitsPerSecond || asked.Burst > caller.RateLimit.Burst)
            throw new KeyExceedsCallerException(
                $"The new key's rate limit ({asked.PermitsPerSecond}/s, burst {asked.Burst}) exceeds the acting key's " +
                $"({caller.RateLimit.PermitsPerSecond}/s, burst {caller.RateLimit.Burst}); give a rateLimit within it.");
    }
}

/// <summary>The key asked for may do more than the key asking for it.</summary>
internal sealed class KeyExceedsCallerException(string detail)
    : ConnectException(403, "key_exceeds_caller", "Forbidden", detail);
