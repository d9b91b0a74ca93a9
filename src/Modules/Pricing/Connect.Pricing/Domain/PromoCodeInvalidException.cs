using Connect.SharedKernel.Errors;

namespace Connect.Pricing.Domain;

/// <summary>The promo code cannot be used; <see cref="Reason"/> says why (spec §2).</summary>
/// <param name="reason"><c>unknown</c>, <c>expired</c>, <c>not_yet_valid</c> or <c>inactive</c>.</param>
internal sealed class PromoCodeInvalidException(string reason)
    : ConnectException(422, "promo_code_invalid", "Promo code invalid", $"The promo code cannot be used: {reason}.")
{
    /// <inheritdoc />
    public override string? Reason { get; } = reason;
}
