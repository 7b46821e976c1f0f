namespace HostOps.Contracts.Health;

/// <summary>A follower of a replicated stream or bucket.</summary>
/// <param name="Name">The server holding the replica.</param>
/// <param name="Current">Whether it is caught up with the leader and was heard from within the last few seconds.</param>
public sealed record StreamReplica(string Name, bool Current);
