using System.Collections.Concurrent;
using Connect.Pricing.Contracts;
using Connect.Pricing.Features.PromoCodes;
using Marten;
using Mediator;

namespace Connect.Pricing.Domain;

/// <summary>
/// Promo codes as last read, so a priced read with a code does not cost a database round trip each time.
/// This node's own changes evict the entry as soon as they commit (the notifications below); changes made by
/// another node sharing the database are seen when the entry ages out, after at most <see cref="MaxAge"/>.
/// Unknown codes are remembered too (a shop sending a stale code should not reach the database every time),
/// and the whole cache is dropped when it grows past <see cref="MaxEntries"/>, so garbage codes cannot fill memory.
/// </summary>
internal sealed class PromoCodeCache :
    INotificationHandler<PromoCodeCreatedNotification>, INotificationHandler<PromoCodeDeactivatedNotification>
{
    public static readonly TimeSpan MaxAge = TimeSpan.FromSeconds(1);
    public const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);
    private long _generation;

    private sealed record Entry(PromoCodeDocument? Code, long LoadedAt);

    /// <summary>The code's document (null when unknown), from memory when fresh enough.</summary>
    public async Task<PromoCodeDocument?> GetAsync(string normalizedCode, IQuerySession session, CancellationToken cancellationToken)
    {
        var now = Environment.TickCount64;
        var cached = _entries.GetValueOrDefault(normalizedCode);
        if (cached is not null && now - cached.LoadedAt < MaxAge.TotalMilliseconds)
            return cached.Code;

        // A change committed while we read must not be overwritten by what we read before it.
        var generation = Interlocked.Read(ref _generation);
        PromoCodeDocument? code;
        try
        {
            code = await session.LoadAsync<PromoCodeDocument>(normalizedCode, cancellationToken);
        }
        catch (Exception ex) when (cached is not null && Connect.SharedKernel.Errors.DatabaseErrors.IsUnreachable(ex))
        {
            // No code can change while the database is unreachable: keep pricing with what was read before.
            return cached.Code;
        }
        if (_entries.Count >= MaxEntries) _entries.Clear();
        if (Interlocked.Read(ref _generation) == generation)
        {
            var entry = new Entry(code, now);
            _entries[normalizedCode] = entry;
            // An eviction that ran between the check and the store must win: take this entry back out.
            if (Interlocked.Read(ref _generation) != generation)
                _entries.TryRemove(new KeyValuePair<string, Entry>(normalizedCode, entry));
        }
        return code;
    }

    private ValueTask Evict(string code)
    {
        Interlocked.Increment(ref _generation);
        _entries.TryRemove(code, out _);
        return ValueTask.CompletedTask;
    }

    public ValueTask Handle(PromoCodeCreatedNotification notification, CancellationToken cancellationToken) =>
        Evict(notification.PromoCode.Code);

    public ValueTask Handle(PromoCodeDeactivatedNotification notification, CancellationToken cancellationToken) =>
        Evict(notification.Code);
}
