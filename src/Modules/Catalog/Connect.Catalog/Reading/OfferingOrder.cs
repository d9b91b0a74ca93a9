using System.Collections.Immutable;
using Connect.Catalog.Contracts;
using Connect.SharedKernel.Paging;

namespace Connect.Catalog.Reading;

/// <summary>An offering where the database put it in one order of the list.</summary>
internal readonly record struct Placement(PublishedOffering Offering, int Gap);

/// <summary>
/// The offerings in one order of the list, as a persistent tree: each offering carries a rank, a number that only
/// encodes where the database sorted it (ranks leave room between neighbours), so replacing one offering costs
/// O(log n) and shares the rest of the tree with the snapshot before. Where an offering goes is decided by
/// PostgreSQL (<see cref="OfferingPlacement"/>), never by comparing names in .NET.
/// </summary>
internal sealed class OfferingOrder
{
    private const long Spacing = 1L << 24;
    private static readonly IComparer<Ranked> ByRank = Comparer<Ranked>.Create((a, b) => a.Rank.CompareTo(b.Rank));

    private readonly ImmutableSortedSet<Ranked> _set;
    private readonly ImmutableDictionary<string, long> _ranks;

    private readonly record struct Ranked(long Rank, PublishedOffering Offering);

    private OfferingOrder(ImmutableSortedSet<Ranked> set, ImmutableDictionary<string, long> ranks) => (_set, _ranks) = (set, ranks);

    /// <summary>The offerings in the order the database sorted them.</summary>
    public static OfferingOrder Of(IEnumerable<PublishedOffering> ordered)
    {
        var set = ImmutableSortedSet.CreateBuilder(ByRank);
        var ranks = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var rank = 0L;
        foreach (var offering in ordered)
        {
            rank += Spacing;
            set.Add(new Ranked(rank, offering));
            ranks[offering.Document.Id] = rank;
        }
        return new OfferingOrder(set.ToImmutable(), ranks.ToImmutable());
    }

    public int Count => _set.Count;

    public IEnumerable<PublishedOffering> Offerings => _set.Select(r => r.Offering);

    /// <summary>The offering at this position (O(log n)).</summary>
    public PublishedOffering At(int index) => _set[index].Offering;

    public bool Contains(string id) => _ranks.ContainsKey(id);

    /// <summary>
    /// The gaps an offering can go in: all of them for names, which only the database compares; for times and prices,
    /// which are the database's own values and compare exactly here, only the run of offerings with the same value,
    /// among which the database orders by id (usually none: the gap is known without asking).
    /// </summary>
    public (int Low, int High) Candidates((OfferingSortKey Key, SortDirection Direction) order, OfferingSortKeys changed)
    {
        var (key, direction) = order;
        if (key == OfferingSortKey.Name) return (0, Count);
        int Compare(int index)
        {
            var shown = At(index).SortKeys;
            var compared = key switch
            {
                OfferingSortKey.CreatedAt => shown.CreatedAt.CompareTo(changed.CreatedAt),
                OfferingSortKey.UpdatedAt => shown.UpdatedAt.CompareTo(changed.UpdatedAt),
                _ => shown.NetPrice.CompareTo(changed.NetPrice),
            };
            return direction == SortDirection.Asc ? compared : -compared;
        }
        int First(Func<int, bool> after)
        {
            var (low, high) = (0, Count);
            while (low < high)
            {
                var middle = (low + high) / 2;
                if (after(middle)) high = middle;
                else low = middle + 1;
            }
            return low;
        }
        return (First(i => Compare(i) >= 0), First(i => Compare(i) > 0));
    }

    /// <summary>The order without these offerings (those it does not hold are ignored).</summary>
    public OfferingOrder Without(IEnumerable<string> ids)
    {
        var set = _set.ToBuilder();
        var ranks = _ranks.ToBuilder();
        foreach (var id in ids)
            if (ranks.Remove(id, out var rank)) set.Remove(new Ranked(rank, null!));
        return new OfferingOrder(set.ToImmutable(), ranks.ToImmutable());
    }

    /// <summary>
    /// Adds offerings at the gaps the database placed them in (a gap is the number of this order's offerings sorted
    /// before it), ordered by gap and, within a gap, as the database sorts them. A lone offering that goes back where
    /// it was in <paramref name="before"/> keeps its rank, so patching one offering again and again never runs out of room.
    /// </summary>
    public OfferingOrder With(IReadOnlyList<Placement> placed, OfferingOrder before)
    {
        var set = _set.ToBuilder();
        var ranks = _ranks.ToBuilder();
        for (var i = 0; i < placed.Count;)
        {
            var gap = placed[i].Gap;
            var end = i;
            while (end < placed.Count && placed[end].Gap == gap) end++;
            var count = end - i;
            var (low, high) = Bounds(gap, count);
            var step = (high - low) / (count + 1);
            if (step < 1) return Relabeled(placed);
            for (var k = 0; k < count; k++)
            {
                var offering = placed[i + k].Offering;
                var rank = count == 1 && before._ranks.TryGetValue(offering.Document.Id, out var old) && old > low && old < high
                    ? old : low + step * (k + 1);
                set.Add(new Ranked(rank, offering));
                ranks[offering.Document.Id] = rank;
            }
            i = end;
        }
        return new OfferingOrder(set.ToImmutable(), ranks.ToImmutable());
    }

    private (long Low, long High) Bounds(int gap, int count)
    {
        long? previous = gap > 0 ? _set[gap - 1].Rank : null;
        long? next = gap < _set.Count ? _set[gap].Rank : null;
        var room = Spacing * (count + 1);
        return (previous, next) switch
        {
            (null, null) => (0, room),
            (null, { } n) => (n - room, n),
            ({ } p, null) => (p, p + room),
            ({ } p, { } n) => (p, n),
        };
    }

    /// <summary>No room left between two neighbours (rare): every rank is given again, in the same order.</summary>
    private OfferingOrder Relabeled(IReadOnlyList<Placement> placed)
    {
        var merged = new List<PublishedOffering>(_set.Count + placed.Count);
        var next = 0;
        var index = 0;
        foreach (var ranked in _set)
        {
            while (next < placed.Count && placed[next].Gap == index) merged.Add(placed[next++].Offering);
            merged.Add(ranked.Offering);
            index++;
        }
        while (next < placed.Count) merged.Add(placed[next++].Offering);
        return Of(merged);
    }
}
