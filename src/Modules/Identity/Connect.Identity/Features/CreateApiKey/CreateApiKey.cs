using System.Text.RegularExpressions;
using Connect.Identity.Contracts;
using Connect.Identity.Domain;
using Connect.SharedKernel;
using Connect.SharedKernel.Domain;
using Connect.SharedKernel.Errors;
using FluentValidation;
using Marten;
using Mediator;
using Microsoft.Extensions.Options;

namespace Connect.Identity.Features;

/// <summary>Body of <c>POST /api-keys</c> (spec §5).</summary>
internal sealed partial record CreateApiKey : ICommand<CreatedApiKey>
{
    public string? Name { get; init; }
    public List<string?>? Scopes { get; init; }
    public CustomerType? CustomerType { get; init; }
    public string? Locale { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    public RateLimitInput? RateLimit { get; init; }

    /// <summary>The acting key id; set by the endpoint.</summary>
    [ServerAssigned] public string ChangedBy { get; init; } = "system";

    /// <summary>What the acting key itself may do; set by the endpoint. Null for in-process callers (trusted code).</summary>
    [ServerAssigned] public CallerLimits? Caller { get; init; }

    [GeneratedRegex("^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8}){0,4}\\z", RegexOptions.CultureInvariant)]
    public static partial Regex LocalePattern();
}

/// <summary>The acting key's scopes and rate limit: a key never mints one that may do more.</summary>
internal sealed record CallerLimits(IReadOnlyList<string> Scopes, RateLimitPolicy RateLimit);

/// <summary>A key's own rate limit (optional; the service default otherwise).</summary>
internal sealed record RateLimitInput
{
    public int? PermitsPerSecond { get; init; }
    public int? Burst { get; init; }
}

internal sealed class CreateApiKeyValidator : AbstractValidator<CreateApiKey>
{
    public CreateApiKeyValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(200);
        RuleFor(c => c.Scopes).NotEmpty()
            .Must(s => s is null || s.All(x => x is not null && Contracts.Scopes.All.Contains(x)))
            .WithMessage($"scopes must be among: {string.Join(", ", Contracts.Scopes.All)}.");
        RuleFor(c => c.CustomerType).NotNull();
        RuleFor(c => c.Locale).NotEmpty().MaximumLength(35)
            .Must(l => l is null || CreateApiKey.LocalePattern().IsMatch(l)).WithMessage("locale must be a BCP 47 tag such as en-US.");
        When(c => c.RateLimit is not null, () =>
        {
            RuleFor(c => c.RateLimit!.PermitsPerSecond).NotNull().InclusiveBetween(1, 100_000).OverridePropertyName("rateLimit.permitsPerSecond");
            RuleFor(c => c.RateLimit!.Burst).NotNull().InclusiveBetween(1, 1_000_000).OverridePropertyName("rateLimit.burst");
        });
    }
}

internal sealed class CreateApiKeyHandler(IDocumentSession session, TimeProvider clock, IOptionsMonitor<IdentityOptions> options)
    : ICommandHandler<CreateApiKey, CreatedApiKey>
{
    public ValueTask<CreatedApiKey> Handle(CreateApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        KeyMintingRules.Check(command, now, options.CurrentValue);

        var id = ApiKeySecrets.NewId();
        var plaintext = ApiKeySecrets.NewKey(id);
        var key = new ApiKey
        {
            Id = id,
            Name = command.Name!,
            KeyHash = ApiKeySecrets.Hash(plaintext),
            Scopes = [.. command.Scopes!.OfType<string>().Distinct().Order(StringComparer.Ordinal)],
            CustomerType = command.CustomerType!.Value,
            Locale = command.Locale!,
            CreatedAt = now,
            ExpiresAt = command.ExpiresAt,
            RateLimit = command.RateLimit is { PermitsPerSecond: { } perSecond, Burst: { } burst } ? new RateLimitPolicy(perSecond, burst) : null,
        };
        session.Insert(key);
        session.Events.StartStream<ApiKey>(ApiKey.StreamKey(id), new ApiKeyCreated(id, key.Name, key.Scopes, key.CustomerType, key.Locale,
            key.ExpiresAt, now, command.ChangedBy));
        return ValueTask.FromResult(new CreatedApiKey
        {
            ApiKeyId = id, Key = plaintext, Name = key.Name, Scopes = key.Scopes, CustomerType = key.CustomerType,
            Locale = key.Locale, ExpiresAt = key.ExpiresAt, RateLimit = key.RateLimit, CreatedAt = now,
        });
    }
}
