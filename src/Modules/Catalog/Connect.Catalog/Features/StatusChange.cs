using Connect.Catalog.Contracts;
using Connect.Catalog.Features.ScheduledChanges;
using Connect.Identity.Contracts;
using Connect.SharedKernel.Http;
using Mediator;
using Microsoft.AspNetCore.Http;

namespace Connect.Catalog.Features;

/// <summary>Body of archive and restore (spec §5).</summary>
/// <param name="Reason">Why; required for archive, optional for restore.</param>
/// <param name="EffectiveAt">When to make the change, if not now (a future instant; spec §10).</param>
internal sealed record StatusChangeBody(string? Reason, DateTimeOffset? EffectiveAt = null);

/// <summary>The bounds every status change shares, now or scheduled.</summary>
internal static class StatusChangeRules
{
    public const int MaxReasonLength = 500;
    public const int MaxChangedByLength = 100;
}

/// <summary>
/// Archive and restore are one idiom: an action (<see cref="ScheduledStates.Archive"/> or <see cref="ScheduledStates.Restore"/>),
/// the same body, and the same answers (the offering as it now reads, or 202 and the scheduled change given <c>effectiveAt</c>).
/// </summary>
internal static class StatusChanges
{
    /// <summary>The command that carries the action out now, as HTTP, a scheduled change or another module sends it.</summary>
    public static ICommand<ProductOffering> Command(string action, string offeringId, string? reason, string changedBy, Preconditions? preconditions = null) =>
        action == ScheduledStates.Archive
            ? new ArchiveProductOffering(offeringId, reason, changedBy, preconditions)
            : new RestoreProductOffering(offeringId, reason, changedBy, preconditions);

    /// <summary>The HTTP answer: scheduled (202) when the body names a time, else carried out now under the request's preconditions.</summary>
    public static async Task<IResult> AnswerAsync(HttpContext http, ISender sender, string offeringId, string action, StatusChangeBody? body) =>
        body?.EffectiveAt is { } effectiveAt
            ? await ScheduledChangesEndpoints.ScheduleAsync(http, sender, offeringId, action, effectiveAt, body.Reason)
            : await Respond.Updated(http, sender, Command(action, offeringId, body?.Reason, http.User.GetApiKeyId(), Preconditions.Of(http.Request)));
}
