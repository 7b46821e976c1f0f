using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;
using HostOps.Jobs.Client;
using HostOps.Jobs.Configuration;
using Microsoft.Extensions.Options;
using NATS.Client.Core;
using NATS.Client.JetStream;
using NATS.Net;

namespace HostOps.Api.Health;

/// <summary>
/// Reads what <c>/health/status</c> reports from NATS: stream and bucket info, job counts, live agents. All reads run
/// in parallel, each bounded by <see cref="CallTimeout"/>; each is one request, so the cost does not grow with jobs.
/// When NATS is a cluster, the same stream infos give each stream's leader and replicas and, together with the
/// connection's server, the cluster's servers: no request more.
/// </summary>
internal sealed class NatsProbe(INatsConnection connection, JobClient jobs, IOptions<JobOptions> jobOptions, TimeProvider timeProvider)
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);

    private readonly ClusterServers _clusterServers = new();

    public async Task<NatsReadings> ReadAsync(ulong jobRevision, CancellationToken cancellationToken)
    {
        var options = jobOptions.Value;
        var js = connection.CreateJetStreamContext();
        var server = connection.ServerInfo;
        var clusterName = server?.Cluster is { Length: > 0 } name ? name : null;
        var clustered = clusterName is not null;
        var streamReads = new[] { options.Stream.Name, options.Dlq.Name }
            .Select(name => Attempt<StreamInfo>.RunAsync($"stream {name}", ct => ReadStreamAsync(js, name, clustered, ct), CallTimeout, cancellationToken))
            .ToArray();
        var bucketReads = new[] { options.Kv.Bucket, options.Registry.Bucket }
            .Select(name => Attempt<KvBucketInfo>.RunAsync($"bucket {name}", ct => ReadBucketAsync(js, name, clustered, ct), CallTimeout, cancellationToken))
            .ToArray();
        var statsRead = Attempt<QueueStats>.RunAsync("job counts", jobs.GetStatsAsync, CallTimeout, cancellationToken);
        var workersRead = Attempt<WorkerList>.RunAsync("agent registry", jobs.GetWorkersAsync, CallTimeout, cancellationToken);
        var streams = await Task.WhenAll(streamReads);
        var buckets = await Task.WhenAll(bucketReads);
        var cluster = clusterName is null
            ? null
            : _clusterServers.Observe(
                clusterName,
                server?.Name,
                streams.Select(s => s.Value?.Cluster).Concat(buckets.Select(b => b.Value?.Cluster)).OfType<StreamCluster>());
        return new NatsReadings(streams, buckets, await statsRead, await workersRead, cluster, jobRevision, timeProvider.GetTimestamp());
    }

    /// <summary>Whether the job bucket answers; its error otherwise.</summary>
    public async Task<string?> JobBucketProblemAsync(CancellationToken cancellationToken)
    {
        var bucket = jobOptions.Value.Kv.Bucket;
        var read = await Attempt<KvBucketInfo>.RunAsync(
            $"bucket {bucket}", ct => ReadBucketAsync(connection.CreateJetStreamContext(), bucket, clustered: false, ct), CallTimeout, cancellationToken);
        return read.Error;
    }

    private static async Task<StreamInfo> ReadStreamAsync(INatsJSContext js, string name, bool clustered, CancellationToken cancellationToken)
    {
        var stream = await js.GetStreamAsync(name, cancellationToken: cancellationToken);
        var state = stream.Info.State;
        return new StreamInfo(name, (ulong)state.Messages, (ulong)state.Bytes, state.ConsumerCount, ClusterOf(stream, clustered));
    }

    // A bucket is the stream KV_<name>; its subject count is the key count, answered without listing keys.
    private static async Task<KvBucketInfo> ReadBucketAsync(INatsJSContext js, string name, bool clustered, CancellationToken cancellationToken)
    {
        var stream = await js.GetStreamAsync($"KV_{name}", cancellationToken: cancellationToken);
        var state = stream.Info.State;
        return new KvBucketInfo(name, (ulong)state.NumSubjects, (ulong)state.Bytes, ClusterOf(stream, clustered));
    }

    // A single server reports itself as every stream's leader too; the report shows leaders only for a cluster.
    private static StreamCluster? ClusterOf(INatsJSStream stream, bool clustered) =>
        clustered && stream.Info.Cluster is { } cluster ? ReplicaHealth.Of(cluster) : null;
}
