using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;

namespace HostOps.Api.Health;

/// <summary>
/// One round of NATS reads for the health report, with the job-view revision and time it was taken at;
/// <see cref="Cluster"/> is null when NATS is a single server.
/// </summary>
internal sealed record NatsReadings(
    IReadOnlyList<Attempt<StreamInfo>> Streams,
    IReadOnlyList<Attempt<KvBucketInfo>> Buckets,
    Attempt<QueueStats> Stats,
    Attempt<WorkerList> Workers,
    NatsCluster? Cluster,
    ulong JobRevision,
    long Timestamp);
