using System.Text.RegularExpressions;
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
/// Builds <c>GET /health/status</c> and <c>GET /health/ready</c>. The connection state is checked first, so a dead
/// NATS costs nothing; every NATS read runs in parallel under <see cref="CallTimeout"/>, so a hung one costs at most
/// that. Each read is one request (stream info, counts from the job view), so the cost does not grow with jobs.
/// </summary>
internal sealed partial class HealthReporter(INatsConnection connection, JobClient jobs, IOptions<JobOptions> jobOptions, ApiProcessInfo process)
{
    public static readonly TimeSpan CallTimeout = TimeSpan.FromSeconds(1);

    public string NatsUrl => Credentials().Replace(connection.Opts.Url, "//");

    public async Task<HealthStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        var options = jobOptions.Value;
        if (connection.ConnectionState != NatsConnectionState.Open)
        {
            var down = ComponentHealth.Failed("NATS is not connected");
            var components = new Dictionary<string, ComponentHealth>(StringComparer.Ordinal)
            {
                ["nats"] = ComponentHealth.Failed($"not connected to {NatsUrl} (state {connection.ConnectionState})"),
                ["kv"] = down,
                ["jetstream"] = down,
                ["agents"] = down,
            };
            return Compose(components, null, null, null, null);
        }

        var js = connection.CreateJetStreamContext();
        var streamReads = new[] { options.Stream.Name, options.Dlq.Name }
            .Select(name => Attempt<StreamInfo>.RunAsync($"stream {name}", ct => ReadStreamAsync(js, name, ct), CallTimeout, cancellationToken))
            .ToArray();
        var bucketReads = new[] { options.Kv.Bucket, options.Kv.ResponseBucket, options.Registry.Bucket }
            .Select(name => Attempt<KvBucketInfo>.RunAsync($"bucket {name}", ct => ReadBucketAsync(js, name, ct), CallTimeout, cancellationToken))
            .ToArray();
        var statsRead = Attempt<QueueStats>.RunAsync("job counts", jobs.GetStatsAsync, CallTimeout, cancellationToken);
        var workersRead = Attempt<WorkerList>.RunAsync("agent registry", jobs.GetWorkersAsync, CallTimeout, cancellationToken);

        var streams = await Task.WhenAll(streamReads);
        var buckets = await Task.WhenAll(bucketReads);
        var stats = await statsRead;
        var workers = await workersRead;

        var result = new Dictionary<string, ComponentHealth>(StringComparer.Ordinal)
        {
            ["nats"] = ComponentHealth.Ok,
            ["kv"] = Summarise(buckets.Select(b => b.Error).Append(stats.Error)),
            ["jetstream"] = Summarise(streams.Select(s => s.Error)),
            ["agents"] = workers switch
            {
                { Error: { } error } => ComponentHealth.Failed(error),
                { Value.Total: > 0 } => ComponentHealth.Ok,
                _ => ComponentHealth.Failed("no live agent"),
            },
        };
        var nats = new NatsInfo(NatsUrl, connection.ServerInfo?.Version ?? "unknown");
        return Compose(result, nats, Readable(streams), Readable(buckets), stats.Value is { } s ? Counts(s) : null);
    }

    /// <summary>Null when ready; otherwise why not (NATS down, job bucket not answering).</summary>
    public async Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken)
    {
        if (connection.ConnectionState != NatsConnectionState.Open)
        {
            return $"NATS is not connected ({connection.ConnectionState})";
        }

        var js = connection.CreateJetStreamContext();
        var bucket = jobOptions.Value.Kv.Bucket;
        var read = await Attempt<KvBucketInfo>.RunAsync($"bucket {bucket}", ct => ReadBucketAsync(js, bucket, ct), CallTimeout, cancellationToken);
        return read.Error;
    }

    private HealthStatus Compose(
        Dictionary<string, ComponentHealth> components, NatsInfo? nats, IReadOnlyList<StreamInfo>? streams, IReadOnlyList<KvBucketInfo>? buckets, JobCounts? jobCounts) =>
        new(components.Values.All(c => c.IsOk) ? "ok" : "degraded", components, ApiProcessInfo.Version, process.UptimeText, nats, streams, buckets, jobCounts);

    private static async Task<StreamInfo> ReadStreamAsync(INatsJSContext js, string name, CancellationToken cancellationToken)
    {
        var stream = await js.GetStreamAsync(name, cancellationToken: cancellationToken);
        var state = stream.Info.State;
        return new StreamInfo(name, (ulong)state.Messages, (ulong)state.Bytes, state.ConsumerCount);
    }

    // A bucket is the stream KV_<name>; its subject count is the key count, answered without listing keys.
    private static async Task<KvBucketInfo> ReadBucketAsync(INatsJSContext js, string name, CancellationToken cancellationToken)
    {
        var stream = await js.GetStreamAsync($"KV_{name}", cancellationToken: cancellationToken);
        var state = stream.Info.State;
        return new KvBucketInfo(name, (ulong)state.NumSubjects, (ulong)state.Bytes);
    }

    private static JobCounts Counts(QueueStats stats)
    {
        int Count(string status) => stats.StatusCounts.TryGetValue(status, out var n) ? n : 0;
        return new JobCounts(stats.TotalJobs, Count(JobStatus.Unprocessed), Count(JobStatus.Processing), Count(JobStatus.Completed), Count(JobStatus.Failed), stats.DlqCount);
    }

    private static ComponentHealth Summarise(IEnumerable<string?> errors)
    {
        var failed = errors.OfType<string>().ToList();
        return failed.Count == 0 ? ComponentHealth.Ok : ComponentHealth.Failed(string.Join("; ", failed));
    }

    private static List<T>? Readable<T>(IEnumerable<Attempt<T>> reads)
    {
        var values = reads.Where(r => r.Succeeded).Select(r => r.Value!).ToList();
        return values.Count == 0 ? null : values;
    }

    // user:password@ in a NATS URL must not reach a response body.
    [GeneratedRegex("//[^/@]*@")]
    private static partial Regex Credentials();
}
