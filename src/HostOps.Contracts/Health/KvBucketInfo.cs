namespace HostOps.Contracts.Health;

/// <summary>A KV bucket's figures.</summary>
/// <param name="Name">KV bucket name.</param>
/// <param name="Keys">Number of keys in the bucket.</param>
/// <param name="Bytes">Total bytes in the bucket.</param>
/// <param name="Cluster">Its leader and replicas; left out when NATS is a single server.</param>
public sealed record KvBucketInfo(string Name, ulong Keys, ulong Bytes, StreamCluster? Cluster = null);
