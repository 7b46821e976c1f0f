using System.Runtime.CompilerServices;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Index;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Events;

/// <summary>
/// Reads changes older than the feed's ring from the job bucket's stream: an ordered consumer (a KV watch) from the
/// sequence after the client's last event, up to where the ring takes over. The bucket keeps one value per key, so
/// what it still holds is replayed: a claim's <c>started</c> that its outcome replaced comes back as the outcome only,
/// and a job deleted since is not replayed. Each event's status is folded from the job's events the replay has read.
/// </summary>
public sealed class JobChangeReplay(JobBuckets buckets, JobIndex index)
{
    public async IAsyncEnumerable<JobChangeEvent> ReadAsync(
        JobEventFilter filter, ulong after, ulong until, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (until <= after)
        {
            yield break;
        }

        var one = filter.JobId is { } jobId ? index.Find(jobId) : null;
        if (filter.JobId is not null && one is null)
        {
            yield break;
        }

        if (one is not null && one.Revision > after && one.Revision <= until)
        {
            yield return JobChanges.Submitted(one);
        }

        var store = await buckets.JobsAsync(cancellationToken);
        var progress = new Dictionary<Guid, JobProgress>();
        var options = new NatsKVWatchOpts
        {
            ResumeAtRevision = after + 1,
            IgnoreDeletes = true,
            OnNoData = _ => ValueTask.FromResult(true),
        };
        var keys = one is null ? ">" : JobKeys.EventsOf(one.Id);
        await foreach (var entry in store.WatchAsync<byte[]>(keys, opts: options, cancellationToken: cancellationToken))
        {
            if (entry.Revision > until)
            {
                yield break;
            }

            if (Translate(entry, progress) is { } change && filter.Matches(change))
            {
                yield return change;
            }

            if (entry.Delta == 0 || entry.Revision == until)
            {
                yield break;
            }
        }
    }

    private JobChangeEvent? Translate(NatsKVEntry<byte[]> entry, Dictionary<Guid, JobProgress> progress)
    {
        if (entry.Operation != NatsKVOperation.Put || !JobKeys.TryParse(entry.Key, out var id, out var isDefinition)
            || index.Find(id) is not { } job)
        {
            return null;
        }

        if (isDefinition)
        {
            return job.Revision == entry.Revision ? JobChanges.Submitted(job) : null;
        }

        if (!JobEventKey.TryParse(entry.Key, out var key)
            || JobSerializers.TryRead(entry.Value, HostOpsJsonContext.Default.JobEvent) is not { } jobEvent
            || !EventAuthority.Admits(job.Route, job.ExpectedHosts, key, jobEvent))
        {
            return null;
        }

        var folded = progress.GetValueOrDefault(id, JobProgress.Start)
            .Apply(jobEvent.Kind, jobEvent.Attempt, jobEvent.Timestamp.UtcTicks, jobEvent.Hostname, job.ExpectedHosts);
        progress[id] = folded;
        return JobChanges.Of(entry.Revision, job, jobEvent, folded.Status);
    }
}
