namespace Connect.SharedKernel.ChangeLog;

/// <summary>
/// The newest log position this node has heard of: its own commits at once, other nodes' through
/// <c>NOTIFY connect_changes</c>. A long-polling reader waits on it instead of querying in a loop.
/// </summary>
public sealed class ChangeSignal
{
    public const string Channel = "connect_changes";

    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private long _latest;

    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>Entries up to <paramref name="sequence"/> have committed.</summary>
    public void Heard(long sequence)
    {
        long seen;
        while ((seen = Latest) < sequence && Interlocked.CompareExchange(ref _latest, sequence, seen) != seen) { }
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
    }

    /// <summary>Completes when the next entry is heard of.</summary>
    public Task NextAsync() => Volatile.Read(ref _next).Task;
}
