using HostOps.Jobs.Store;

namespace HostOps.Agent.Consuming;

/// <summary>
/// The attempts this agent holds: added before it claims one, removed once the attempt's outcome is stored or the
/// claim is given back. The heartbeat reports them, so the API can tell an attempt this agent still works on from
/// one it lost track of (it then starts a new attempt), whatever went wrong inside the agent. Each attempt is
/// counted: a duplicate copy of a notification that one runner takes up and drops must not end another runner's
/// hold on the same attempt.
/// </summary>
public sealed class HeldAttempts
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, int> _held = new(StringComparer.Ordinal);

    public void Add(JobNotification notification)
    {
        lock (_gate)
        {
            var key = notification.ToString();
            _held[key] = _held.GetValueOrDefault(key) + 1;
        }
    }

    public void Remove(JobNotification notification)
    {
        lock (_gate)
        {
            var key = notification.ToString();
            if (_held.TryGetValue(key, out var count) && count > 1)
            {
                _held[key] = count - 1;
            }
            else
            {
                _held.Remove(key);
            }
        }
    }

    public IReadOnlyList<string> Snapshot()
    {
        lock (_gate)
        {
            return [.. _held.Keys];
        }
    }
}
