namespace HostOps.Contracts.Health;

/// <summary>
/// Body of <c>GET /health/status</c>, field for field the seed document. Sections that could not be
/// read are null and left out of the JSON.
/// </summary>
public sealed record HealthStatus(
    string Status,
    IReadOnlyDictionary<string, ComponentHealth> Components,
    string Version,
    string Uptime,
    NatsInfo? Nats,
    IReadOnlyList<StreamInfo>? Streams,
    IReadOnlyList<KvBucketInfo>? KvBuckets,
    JobCounts? Jobs);
