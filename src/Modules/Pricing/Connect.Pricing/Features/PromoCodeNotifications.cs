using Connect.Pricing.Contracts;
using Mediator;

namespace Connect.Pricing.Features;

/// <summary>Published after a promo code was created and committed.</summary>
/// <param name="PromoCode">The code as stored.</param>
internal sealed record PromoCodeCreatedNotification(PromoCode PromoCode) : INotification;

/// <summary>Published after a promo code was deactivated and committed.</summary>
/// <param name="Code">The code.</param>
/// <param name="DeactivatedAt">When.</param>
/// <param name="ChangedBy">The acting API key id.</param>
internal sealed record PromoCodeDeactivatedNotification(string Code, DateTimeOffset DeactivatedAt, string? ChangedBy) : INotification;
