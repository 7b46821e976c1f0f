namespace HostOps.Contracts.Health;

public sealed record KvBucketInfo(string Name, ulong Keys, ulong Bytes);
