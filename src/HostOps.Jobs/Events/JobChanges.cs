using HostOps.Contracts.Jobs;
using HostOps.Jobs.Index;

namespace HostOps.Jobs.Events;

/// <summary>Builds the <see cref="JobChangeEvent"/> a job bucket write makes, from the job as the index (or a replay) knows it.</summary>
public static class JobChanges
{
    /// <summary>The definition's write: the job's creation (attempt 1, unprocessed).</summary>
    public static JobChangeEvent Submitted(IndexedJob job) =>
        new(job.Revision, job.Id, JobEventKind.Submitted, JobStatus.Unprocessed, 1, null, job.Created, job.OperationType, job.Target);

    /// <summary>A stored event, with the status the job has once it is folded in.</summary>
    public static JobChangeEvent Of(ulong revision, IndexedJob job, JobEvent jobEvent) =>
        Of(revision, job, jobEvent, job.Progress.Status);

    public static JobChangeEvent Of(ulong revision, IndexedJob job, JobEvent jobEvent, string status) =>
        new(revision, job.Id, jobEvent.Kind, status, jobEvent.Attempt, jobEvent.Hostname, jobEvent.Timestamp, job.OperationType, job.Target);

    /// <summary>The definition's delete: the job is gone.</summary>
    public static JobChangeEvent Deleted(ulong revision, IndexedJob job, DateTimeOffset time) =>
        new(revision, job.Id, JobChangeEvent.Deleted, job.Progress.Status, job.Progress.Attempt, null, time, job.OperationType, job.Target);
}
