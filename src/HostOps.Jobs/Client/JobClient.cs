using HostOps.Contracts.Jobs;
using HostOps.Jobs.Agents;
using HostOps.Jobs.Attempts;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Index;
using HostOps.Jobs.Store;
using HostOps.Jobs.Telemetry;
using NATS.Client.JetStream.Models;

namespace HostOps.Jobs.Client;

/// <summary>
/// The job system as the API sees it: submit, read, list, delete, retry, wait, count. Reads are answered from
/// the <see cref="JobIndex"/>; a read first waits until the index has applied what this client last wrote, so a
/// job is visible as soon as its submit returned.
/// </summary>
public sealed partial class JobClient
{
    private static readonly TimeSpan CatchUpTimeout = TimeSpan.FromSeconds(2);
    private readonly JobBuckets _buckets;
    private readonly JobIndex _index;
    private readonly AgentDirectory _agents;
    private readonly DeadLetterOffice _deadLetters;
    private readonly JobAttempts _attempts;
    private readonly TimeProvider _time;
    private readonly BucketRoom _jobsRoom;
    private readonly JobMetrics _metrics;
    private ulong _lastWritten;

    public JobClient(
        JobBuckets buckets, JobIndex index, AgentDirectory agents, DeadLetterOffice deadLetters, JobAttempts attempts, TimeProvider time, JobMetrics metrics)
    {
        _metrics = metrics;
        _attempts = attempts;
        _buckets = buckets;
        _index = index;
        _agents = agents;
        _deadLetters = deadLetters;
        _time = time;
        var bucket = buckets.Options.Kv.Bucket;
        _jobsRoom = new BucketRoom(buckets.JetStream, $"KV_{bucket}", $"KV bucket {bucket}", "job.kv.max_bytes", "older jobs age out or are deleted", time);
    }

    /// <summary>Exact counts from the incremental view; the cost does not grow with the number of jobs.</summary>
    public async Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken)
    {
        var bucket = await _buckets.JetStream.GetStreamAsync($"KV_{_buckets.Options.Kv.Bucket}", cancellationToken: cancellationToken);
        await _index.WaitForRevisionAsync(LastStoredRevision(bucket.Info.State), CatchUpTimeout, cancellationToken);
        var dlq = await _deadLetters.CountAsync(cancellationToken);
        var (total, byStatus, byOperation) = _index.Counts();
        return new QueueStats(total, byStatus, byOperation, dlq);
    }

    /// <summary>Agents whose heartbeat is alive.</summary>
    public async Task<WorkerList> GetWorkersAsync(CancellationToken cancellationToken)
    {
        var live = await _agents.LiveAsync(cancellationToken);
        var workers = live.Select(a => new WorkerInfo(a.Hostname, a.Labels, a.LastSeen, a.Version)).ToList();
        return new WorkerList(workers, workers.Count);
    }

    // The revision the view must have applied to be exact. The bucket's last sequence outlives its message: once
    // every job has aged out (expiry takes the oldest first, so the last message goes last) there is nothing left
    // to wait for, and waiting for that sequence would wait for a message the watch can never deliver.
    private static ulong LastStoredRevision(StreamState state) => state.Messages == 0 ? 0 : state.LastSeq;

    private void Wrote(ulong revision)
    {
        ulong seen;
        do
        {
            seen = Interlocked.Read(ref _lastWritten);
        }
        while (revision > seen && Interlocked.CompareExchange(ref _lastWritten, revision, seen) != seen);
    }

    private Task<bool> CatchUpAsync(CancellationToken cancellationToken) =>
        _index.WaitForRevisionAsync(Interlocked.Read(ref _lastWritten), CatchUpTimeout, cancellationToken);
}
