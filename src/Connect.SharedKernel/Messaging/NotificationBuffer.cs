using Mediator;

namespace Connect.SharedKernel.Messaging;

/// <summary>Notifications raised while a command runs, held until its transaction commits.</summary>
public sealed class NotificationBuffer
{
    private readonly List<INotification> _pending = [];

    public void Raise(INotification notification) => _pending.Add(notification);

    internal IReadOnlyList<INotification> Drain()
    {
        var drained = _pending.ToArray();
        _pending.Clear();
        return drained;
    }
}
