using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;

namespace Connect.Catalog.Features.ScheduledChanges;

/// <summary>An archive or restore that happens at a set time (spec §10), stored until then in schema <c>catalog</c>.</summary>
internal sealed class ScheduledChangeDocument
{
    public string Id { get; set; } = "";
    public string ProductOfferingId { get; set; } = "";
    public string Action { get; set; } = "";
    public DateTimeOffset EffectiveAt { get; set; }
    public string? Reason { get; set; }
    public string CreatedBy { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public string State { get; set; } = ScheduledStates.Pending;
    public string? FailureReason { get; set; }

    public ScheduledChange ToResponse() => new(Id, ProductOfferingId, Action, EffectiveAt, Reason, CreatedBy, CreatedAt, State, FailureReason);
}

internal static class ScheduledStates
{
    public const string Pending = "PENDING";
    public const string Done = "DONE";
    public const string Cancelled = "CANCELLED";
    public const string Failed = "FAILED";
    public const string Archive = "ARCHIVE";
    public const string Restore = "RESTORE";
}

/// <summary>A scheduled change as the API shows it.</summary>
internal sealed record ScheduledChange(
    string ScheduledChangeId, string ProductOfferingId, string Action, DateTimeOffset EffectiveAt, string? Reason, string CreatedBy,
    DateTimeOffset CreatedAt, string State, string? FailureReason);

/// <summary>Archive or restore at <see cref="EffectiveAt"/>; answered with 202 and the scheduled change.</summary>
internal sealed record ScheduleStatusChange(string ProductOfferingId, string Action, DateTimeOffset EffectiveAt, string? Reason, string CreatedBy)
    : ICommand<ScheduledChange>;

internal sealed class ScheduleStatusChangeValidator : AbstractValidator<ScheduleStatusChange>
{
    public ScheduleStatusChangeValidator(TimeProvider clock)
    {
        RuleFor(c => c.EffectiveAt).Must(at => at > clock.GetUtcNow()).WithMessage("effectiveAt must be in the future.");
        RuleFor(c => c.Reason).NotEmpty().When(c => c.Action == ScheduledStates.Archive).MaximumLength(StatusChangeRules.MaxReasonLength);
        RuleFor(c => c.CreatedBy).NotEmpty().MaximumLength(StatusChangeRules.MaxChangedByLength);
    }
}

internal sealed class ScheduleStatusChangeHandler(IDocumentSession session, TimeProvider clock) : ICommandHandler<ScheduleStatusChange, ScheduledChange>
{
    public async ValueTask<ScheduledChange> Handle(ScheduleStatusChange command, CancellationToken cancellationToken)
    {
        _ = await session.LoadAsync<Domain.OfferingDocument>(command.ProductOfferingId, cancellationToken)
            ?? throw new NotFoundException("Product offering", command.ProductOfferingId);
        var scheduled = new ScheduledChangeDocument
        {
            Id = Guid.NewGuid().ToString(), ProductOfferingId = command.ProductOfferingId, Action = command.Action, EffectiveAt = command.EffectiveAt,
            Reason = string.IsNullOrEmpty(command.Reason) ? null : command.Reason, CreatedBy = command.CreatedBy, CreatedAt = clock.GetUtcNow(),
        };
        session.Insert(scheduled);
        return scheduled.ToResponse();
    }
}

/// <summary><c>POST /scheduled-changes/{id}/cancel</c>: only a PENDING change (else 409).</summary>
internal sealed record CancelScheduledChange(string ScheduledChangeId) : ICommand<ScheduledChange>;

internal sealed class CancelScheduledChangeHandler(IDocumentSession session) : ICommandHandler<CancelScheduledChange, ScheduledChange>
{
    public async ValueTask<ScheduledChange> Handle(CancelScheduledChange command, CancellationToken cancellationToken)
    {
        var scheduled = await session.LoadAsync<ScheduledChangeDocument>(command.ScheduledChangeId, cancellationToken)
            ?? throw new NotFoundException("Scheduled change", command.ScheduledChangeId);
        if (scheduled.State != ScheduledStates.Pending)
            throw new ConflictException($"Scheduled change '{scheduled.Id}' is {scheduled.State}; only a PENDING one can be cancelled.");
        scheduled.State = ScheduledStates.Cancelled;
        // Optimistic concurrency: a runner that took it meanwhile makes this fail (409) rather than both happening.
        session.Store(scheduled);
        return scheduled.ToResponse();
    }
}
