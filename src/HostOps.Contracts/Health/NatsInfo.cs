namespace HostOps.Contracts.Health;

/// <summary>The NATS the API is connected to.</summary>
/// <param name="Url">Connected NATS server URL.</param>
/// <param name="Version">NATS server version.</param>
/// <param name="Cluster">The NATS cluster and each of its servers; left out when NATS is a single server.</param>
public sealed record NatsInfo(string Url, string Version, NatsCluster? Cluster = null);
