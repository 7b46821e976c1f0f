using System.Collections.Concurrent;
using HostOps.Jobs.Store;

namespace HostOps.Agent.Consuming;

/// <summary>
/// The attempts this agent holds: added before it claims one, removed once the attempt's outcome is stored or the
/// claim is given back. The heartbeat reports them, so the API can tell an attempt this agent still works on from
/// one it lost track of (it then starts a new attempt), whatever went wrong inside the agent.
/// </summary>
public sealed class HeldAttempts
{
    private readonly ConcurrentDictionary<string, byte> _held = new(StringComparer.Ordinal);

    public void Add(JobNotification notification) => _held[notification.ToString()] = 0;

    public void Remove(JobNotification notification) => _held.TryRemove(notification.ToString(), out _);

    public IReadOnlyList<string> Snapshot() => [.. _held.Keys];
}
