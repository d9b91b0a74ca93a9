namespace Connect.Catalog.Reading;

/// <summary>
/// How far this node's snapshot is behind the change log, for its metrics: the position applied, the newest head
/// known (heard of or read), and when each head not yet applied was first heard. A commit is heard within
/// milliseconds, so the oldest of those is the age of the oldest entry not yet applied.
/// </summary>
internal sealed class CatalogLag
{
    /// <summary>Past this many heads waiting, a new one joins the last (keeping its earlier time: the age errs high).</summary>
    private const int MostWaiting = 1024;

    private readonly Lock _gate = new();
    private readonly List<(long Head, long HeardAt)> _waiting = [];
    private long _applied;
    private long _head;

    public void Heard(long head)
    {
        lock (_gate)
        {
            if (head <= _head) return;
            _head = head;
            if (_waiting.Count < MostWaiting) _waiting.Add((head, Environment.TickCount64));
            else _waiting[^1] = (head, _waiting[^1].HeardAt);
        }
    }

    /// <summary>
    /// The snapshot now holds the log up to <paramref name="position"/>; a position lower than before (or than what
    /// was heard, <paramref name="restarted"/>) means the log was emptied, and what was heard of it no longer applies.
    /// </summary>
    public void Applied(long position, bool restarted)
    {
        lock (_gate)
        {
            if (restarted || position < _applied)
            {
                _waiting.Clear();
                _head = position;
            }
            _applied = position;
            _head = Math.Max(_head, position);
            _waiting.RemoveAll(w => w.Head <= position);
        }
    }

    /// <summary>The position applied, the head known, and the age of the oldest entry not yet applied (zero when none).</summary>
    public (long Applied, long Head, TimeSpan Age) Read()
    {
        lock (_gate)
            return (_applied, _head, _waiting.Count == 0 ? TimeSpan.Zero : TimeSpan.FromMilliseconds(Environment.TickCount64 - _waiting[0].HeardAt));
    }
}
