using Connect.SharedKernel.Errors;
using Connect.SharedKernel.Throttling;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace Connect.Pricing.Domain;

/// <summary>
/// Slows guessing of promo codes: after <c>Connect:Pricing:FailedPromoCodesPerMinute</c> (30) invalid codes from one API
/// key in a minute, every request of that key naming a promo code gets 429 until the minute is over; valid codes too,
/// or the answer would still tell a right guess from a wrong one. Requests without a promo code are not affected.
/// The guesses themselves are never logged, only the key that crossed the limit.
/// </summary>
internal sealed class PromoCodeGuessLimiter(IConfiguration configuration, TimeProvider clock, ILogger<PromoCodeGuessLimiter> logger)
{
    public const string LimitSetting = "Connect:Pricing:FailedPromoCodesPerMinute";
    private readonly FailureWindows _windows = new(clock);

    public FailureWindows Windows => _windows;

    private int Limit => Math.Max(1, configuration.GetValue(LimitSetting, 30));

    public void EnsureNotBlocked(string apiKeyId)
    {
        if (_windows.Blocked(apiKeyId, Limit) is { } retryAfter)
            throw new RateLimitedException(retryAfter, "Too many invalid promo codes from this API key; try again later.");
    }

    public void RecordInvalid(string apiKeyId)
    {
        var (failures, windowLeft) = _windows.RecordFailure(apiKeyId);
        if (failures == Limit)
            logger.LogWarning("API key {ApiKeyId} sent {Limit} invalid promo codes within a minute; its promo codes are refused for {Seconds:0} s",
                apiKeyId, Limit, windowLeft.TotalSeconds);
    }
}
