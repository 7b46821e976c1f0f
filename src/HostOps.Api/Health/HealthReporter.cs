using System.Text.RegularExpressions;
using HostOps.Contracts.Health;
using HostOps.Contracts.Jobs;
using HostOps.Jobs.Index;
using NATS.Client.Core;

namespace HostOps.Api.Health;

/// <summary>
/// Builds <c>GET /health/status</c> and <c>GET /health/ready</c>. The connection state is checked on every request,
/// so a dead NATS is reported at once and costs nothing. The NATS readings are shared between requests while the
/// job view has not moved (same revision): a job change is seen by the next request, which waits for a fresh round
/// of reads. Without job changes a reading is served for <see cref="MaxReadingAge"/>, then served while a background
/// round replaces it, up to <see cref="MaxServedAge"/>; so a dashboard polling hard costs NATS about one round a
/// second and never waits on one, and the first request after a quiet spell still gets fresh readings.
/// </summary>
internal sealed partial class HealthReporter(INatsConnection connection, NatsProbe probe, JobIndex jobIndex, ApiProcessInfo process, TimeProvider timeProvider)
{
    public static readonly TimeSpan MaxReadingAge = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxServedAge = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private NatsReadings? _latest;
    private (ulong Revision, Task<NatsReadings> Round)? _running;

    public string NatsUrl => Credentials().Replace(connection.Opts.Url, "//");

    public async Task<HealthStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (connection.ConnectionState != NatsConnectionState.Open)
        {
            var down = ComponentHealth.Failed("NATS is not connected");
            return Compose(new Dictionary<string, ComponentHealth>(StringComparer.Ordinal)
            {
                ["nats"] = ComponentHealth.Failed($"not connected to {NatsUrl} (state {connection.ConnectionState})"),
                ["kv"] = down,
                ["jetstream"] = down,
                ["agents"] = down,
            });
        }

        var readings = await CurrentReadings().WaitAsync(cancellationToken);
        var components = new Dictionary<string, ComponentHealth>(StringComparer.Ordinal)
        {
            ["nats"] = ComponentHealth.Ok,
            ["kv"] = Summarise(readings.Buckets.Select(b => b.Error ?? ReplicaHealth.QuorumProblem($"bucket {b.Value!.Name}", b.Value.Cluster)).Append(readings.Stats.Error)),
            ["jetstream"] = Summarise(readings.Streams.Select(s => s.Error ?? ReplicaHealth.QuorumProblem($"stream {s.Value!.Name}", s.Value.Cluster))),
            ["agents"] = readings.Workers switch
            {
                { Error: { } error } => ComponentHealth.Failed(error),
                { Value.Total: > 0 } => ComponentHealth.Ok,
                _ => ComponentHealth.Failed("no live agent"),
            },
        };
        return Compose(
            components,
            new NatsInfo(NatsUrl, connection.ServerInfo?.Version ?? "unknown", readings.Cluster),
            Readable(readings.Streams),
            Readable(readings.Buckets),
            readings.Stats.Value is { } stats ? Counts(stats) : null);
    }

    /// <summary>Null when ready; otherwise why not (NATS down, job bucket not answering).</summary>
    public async Task<string?> NotReadyReasonAsync(CancellationToken cancellationToken) =>
        connection.ConnectionState != NatsConnectionState.Open
            ? $"NATS is not connected ({connection.ConnectionState})"
            : await probe.JobBucketProblemAsync(cancellationToken);

    private Task<NatsReadings> CurrentReadings()
    {
        var revision = jobIndex.Revision;
        lock (_gate)
        {
            if (_latest is { } latest && latest.JobRevision == revision)
            {
                var age = timeProvider.GetElapsedTime(latest.Timestamp);
                if (age < MaxReadingAge)
                {
                    return Task.FromResult(latest);
                }

                if (age < MaxServedAge)
                {
                    _ = Round(revision);
                    return Task.FromResult(latest);
                }
            }

            return Round(revision);
        }
    }

    // Under the gate: joins the running round when it reads the same job revision, else starts one.
    private Task<NatsReadings> Round(ulong revision)
    {
        if (_running is { } running && running.Revision == revision && !running.Round.IsCompleted)
        {
            return running.Round;
        }

        var round = ReadAsync(revision);
        _running = (revision, round);
        return round;
    }

    // Not tied to one request's token: other requests share the round; each read is bounded on its own.
    private async Task<NatsReadings> ReadAsync(ulong revision)
    {
        var readings = await probe.ReadAsync(revision, CancellationToken.None);
        lock (_gate)
        {
            if (_latest is null || readings.JobRevision >= _latest.JobRevision)
            {
                _latest = readings;
            }
        }

        return readings;
    }

    private HealthStatus Compose(
        Dictionary<string, ComponentHealth> components,
        NatsInfo? nats = null,
        IReadOnlyList<StreamInfo>? streams = null,
        IReadOnlyList<KvBucketInfo>? buckets = null,
        JobCounts? jobCounts = null) =>
        new(components.Values.All(c => c.IsOk) ? "ok" : "degraded", components, ApiProcessInfo.Version, process.UptimeText, nats, streams, buckets, jobCounts);

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
