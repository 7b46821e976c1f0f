namespace HostOps.Contracts.Health;

/// <summary>The NATS cluster the API is connected to, as JetStream reports it.</summary>
/// <param name="Name">The cluster's name.</param>
/// <param name="Servers">Every server of the cluster seen since the API started, up or down, by name.</param>
public sealed record NatsCluster(string Name, IReadOnlyList<NatsClusterServer> Servers);
