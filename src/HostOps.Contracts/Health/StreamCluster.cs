namespace HostOps.Contracts.Health;

/// <summary>Where a replicated stream or bucket lives in the NATS cluster.</summary>
/// <param name="Leader">The server that leads it; empty when it has no leader.</param>
/// <param name="Replicas">Its other servers.</param>
public sealed record StreamCluster(string Leader, IReadOnlyList<StreamReplica> Replicas);
