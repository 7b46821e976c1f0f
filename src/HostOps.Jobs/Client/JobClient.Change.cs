using HostOps.Contracts.Jobs;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Client;

public sealed partial class JobClient
{
    /// <summary>
    /// Removes the job: its definition first (from then on it is gone for every reader, and an agent still running
    /// it discards its result), then its unconsumed notification, every event key (the hosts' responses with
    /// them), and any dead letter. Returns false when no job has that id; once it returns, reads answer 404.
    /// </summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        if (_index.Find(id) is not { } job)
        {
            return false;
        }

        var definition = await _attempts.ReadDefinitionAsync(job, cancellationToken);
        var deleted = await _buckets.DeleteJobKeyAsync(JobKeys.Definition(id, job.Route), cancellationToken);
        if (definition is not null)
        {
            await _attempts.RemoveNotificationsAsync(definition, cancellationToken);
        }

        // The index needs no marker for the events (responses among them): they go only with their job, whose delete it is given.
        await _buckets.PurgeKeysAsync(_buckets.Options.Kv.Bucket, JobKeys.EventsOf(id), cancellationToken);
        await _deadLetters.RemoveAsync(id, cancellationToken);

        // The index applies the definition's delete before the call returns, so a read right after it answers 404.
        Wrote(deleted);
        await CatchUpAsync(cancellationToken);
        return true;
    }

    /// <summary>
    /// Re-queues a failed, partially failed, dead-lettered or abandoned job (processing, but every agent holding it
    /// is gone) as a new attempt with the same id; the earlier attempts' events stay as history. A job that is
    /// unprocessed because its notification was never published (a crash between the two writes) is published again.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var job = _index.Find(id);
        var definition = job is null ? null : await _attempts.ReadDefinitionAsync(job, cancellationToken);
        if (job is null || definition is null)
        {
            return new RetryOutcome(RetryResult.NotFound, $"no job with id {id}");
        }

        var view = job.View;
        if (view.Status == JobStatus.Unprocessed)
        {
            if (await _attempts.LastPublishedAttemptAsync(definition, cancellationToken) >= view.Attempt)
            {
                return new RetryOutcome(RetryResult.Conflict, "the job is still queued", view.Attempt);
            }

            await _attempts.PublishAsync(definition, view.Attempt, cancellationToken);
            return new RetryOutcome(RetryResult.Retried, null, view.Attempt);
        }

        var conflict = await RetryConflictAsync(id, view, cancellationToken);
        if (conflict is not null)
        {
            return new RetryOutcome(RetryResult.Conflict, conflict, view.Attempt);
        }

        var revision = await _attempts.StartNextAsync(definition, view.Attempt, cancellationToken);
        if (revision is null)
        {
            return new RetryOutcome(RetryResult.Conflict, $"attempt {view.Attempt + 1} was started meanwhile", view.Attempt + 1);
        }

        Wrote(revision.Value);
        return new RetryOutcome(RetryResult.Retried, null, view.Attempt + 1);
    }

    private async Task<string?> RetryConflictAsync(Guid id, Status.JobStatusView view, CancellationToken cancellationToken)
    {
        switch (view.Status)
        {
            case JobStatus.Failed or JobStatus.PartialFailure or JobStatus.Dlq:
                return null;
            case JobStatus.Completed:
                return "the job already completed";
            default:
                var running = await _agents.HoldersAliveAsync(id, view, cancellationToken);
                return running.Count > 0 ? $"the job is still running on {string.Join(", ", running)}" : null;
        }
    }
}
