using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Events;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Index;

public sealed partial class JobIndex
{
    private void Apply(NatsKVEntry<byte[]> entry)
    {
        var isPut = entry.Operation == NatsKVOperation.Put;
        var released = new List<TaskCompletionSource>();
        var finished = new List<(TaskCompletionSource<IndexedJob?> Waiter, IndexedJob? Job)>();
        JobChangeEvent? change = null;
        lock (_gate)
        {
            if (JobKeys.TryParse(entry.Key, out var id, out var isDefinition))
            {
                if (isDefinition)
                {
                    change = ApplyDefinition(id, isPut ? JobSerializers.TryRead(entry.Value, HostOpsJsonContext.Default.JobDefinition) : null, entry.Revision, entry.Created);
                }
                else if (isPut && _jobs.TryGetValue(id, out var job)
                    && JobSerializers.TryRead(entry.Value, IndexedEventJsonContext.Default.IndexedEvent)?.ToEvent() is { } jobEvent
                    && ApplyAdmitted(job, entry.Key, jobEvent))
                {
                    change = JobChanges.Of(entry.Revision, _jobs[id], jobEvent);
                }

                // An event's delete needs nothing: events go only with their job, whose definition goes first.
                CollectFinished(id, finished);
            }

            _revision = Math.Max(_revision, entry.Revision);
            _revisionWaiters.RemoveAll(w =>
            {
                var reached = w.Revision <= _revision;
                if (reached)
                {
                    released.Add(w.Done);
                }

                return reached;
            });
        }

        // Published outside the lock, still in bucket order: one watch loop calls Apply for one entry at a time.
        if (change is not null)
        {
            _feed.Publish(change);
        }

        released.ForEach(done => done.TrySetResult());
        finished.ForEach(f => f.Waiter.TrySetResult(f.Job));
    }

    /// <summary>
    /// Folds in an event the sweep read from the bucket at <paramref name="key"/> (revision <paramref name="revision"/>).
    /// The watch delivers every change in order, so this matters only should the view ever miss one: a job would then
    /// look unprocessed or processing for good, and nothing would move it on. An event the view already holds changes
    /// nothing and is not published again.
    /// </summary>
    public void FoldIn(string key, JobEvent jobEvent, ulong revision)
    {
        var finished = new List<(TaskCompletionSource<IndexedJob?> Waiter, IndexedJob? Job)>();
        JobChangeEvent? change = null;
        lock (_gate)
        {
            if (JobKeys.TryParse(key, out var id, out var isDefinition) && !isDefinition && _jobs.TryGetValue(id, out var job)
                && ApplyAdmitted(job, key, jobEvent))
            {
                if (_jobs[id].Progress != job.Progress)
                {
                    change = JobChanges.Of(revision, _jobs[id], jobEvent);
                }

                CollectFinished(id, finished);
            }
        }

        if (change is not null)
        {
            _feed.Publish(change);
        }

        finished.ForEach(f => f.Waiter.TrySetResult(f.Job));
    }

    // Applies the event stored at `key` when the job's route allows it there (EventAuthority); false when it does not.
    private bool ApplyAdmitted(IndexedJob job, string key, JobEvent jobEvent)
    {
        if (!JobEventKey.TryParse(key, out var eventKey) || !EventAuthority.Admits(job.Route, job.ExpectedHosts, eventKey, jobEvent))
        {
            return false;
        }

        ApplyEvent(job, jobEvent);
        return true;
    }

    // The change a definition's write or delete makes, for the event feed; null when it changes nothing.
    private JobChangeEvent? ApplyDefinition(Guid id, JobDefinition? definition, ulong revision, DateTimeOffset time)
    {
        if (definition is null)
        {
            if (_jobs.Remove(id, out var old))
            {
                Unindex(old);
                return JobChanges.Deleted(revision, old, time);
            }

            return null;
        }

        // A definition is written once; a replay of it (a resumed watch) keeps the progress already folded in.
        if (_jobs.ContainsKey(id))
        {
            return null;
        }

        var job = new IndexedJob(
            id,
            _strings.Intern(definition.Operation?.Type ?? ""),
            _strings.Intern(definition.TargetHostname ?? ""),
            _strings.Intern(JobSubjects.RouteOf(definition)),
            definition.Created.UtcTicks,
            _strings.Intern(definition.ExpectedHosts),
            JobProgress.Start,
            revision);
        _jobs[id] = job;
        Index(job);
        return JobChanges.Submitted(job);
    }

    // An event (one the job's route allows, see EventAuthority) can only change a job's progress: swap in the new snapshot, and move it between status lists when
    // its status moved.
    private void ApplyEvent(IndexedJob job, JobEvent jobEvent)
    {
        var hostname = jobEvent.Hostname is null ? null : _strings.Intern(jobEvent.Hostname);
        var progress = job.Progress.Apply(KnownKind(jobEvent.Kind), jobEvent.Attempt, jobEvent.Timestamp.UtcTicks, hostname, job.ExpectedHosts);
        if (progress == job.Progress)
        {
            return;
        }

        var moved = job.With(progress);
        _jobs[job.Id] = moved;
        _all.Replace(moved);
        if (progress.Status == job.Progress.Status)
        {
            _byStatus[progress.Status].Replace(moved);
        }
        else
        {
            _byStatus[job.Progress.Status].Remove(job.Order);
            _byStatus[progress.Status].Add(moved);
            CountFinished(job, progress.Status, jobEvent.Timestamp);
        }
    }

    // Counted once per job reaching a terminal status, and only for what happens while this process runs (the
    // watch's replay of older jobs on start is not counted again).
    private void CountFinished(IndexedJob job, string status, DateTimeOffset at)
    {
        if (_metrics is not null && JobStatus.IsTerminal(status) && !JobStatus.IsTerminal(job.Progress.Status) && at.UtcTicks >= _startedTicks)
        {
            _metrics.Finished(job.OperationType, status, at - job.Created);
        }
    }

    private void Index(IndexedJob job)
    {
        _all.Add(job);
        _byStatus[job.Progress.Status].Add(job);
        _operationCounts[job.OperationType] = _operationCounts.GetValueOrDefault(job.OperationType) + 1;
    }

    private void Unindex(IndexedJob job)
    {
        _all.Remove(job.Order);
        _byStatus[job.Progress.Status].Remove(job.Order);
        var type = job.OperationType;
        if (_operationCounts.TryGetValue(type, out var count))
        {
            if (count <= 1)
            {
                _operationCounts.Remove(type);
            }
            else
            {
                _operationCounts[type] = count - 1;
            }
        }
    }

    private void CollectFinished(Guid id, List<(TaskCompletionSource<IndexedJob?>, IndexedJob?)> finished)
    {
        if (!_terminalWaiters.TryGetValue(id, out var waiters))
        {
            return;
        }

        var job = _jobs.GetValueOrDefault(id);
        if (job is null || JobStatus.IsTerminal(job.Progress.Status))
        {
            finished.AddRange(waiters.Select(w => (w, job)));
            _terminalWaiters.Remove(id);
        }
    }

    // The shared constant for a known kind, so a million progresses do not each hold a copy of "completed".
    private static string KnownKind(string kind) => kind switch
    {
        JobEventKind.Submitted => JobEventKind.Submitted,
        JobEventKind.Acknowledged => JobEventKind.Acknowledged,
        JobEventKind.Started => JobEventKind.Started,
        JobEventKind.Completed => JobEventKind.Completed,
        JobEventKind.Failed => JobEventKind.Failed,
        JobEventKind.Dlq => JobEventKind.Dlq,
        JobEventKind.Retried => JobEventKind.Retried,
        _ => kind,
    };
}
