namespace HostOps.Contracts.Health;

/// <summary>A JetStream stream's figures.</summary>
/// <param name="Name">Stream name.</param>
/// <param name="Messages">Number of messages in the stream.</param>
/// <param name="Bytes">Total bytes in the stream.</param>
/// <param name="Consumers">Number of consumers on the stream.</param>
/// <param name="Cluster">Its leader and replicas; left out when NATS is a single server.</param>
public sealed record StreamInfo(string Name, ulong Messages, ulong Bytes, long Consumers, StreamCluster? Cluster = null);
