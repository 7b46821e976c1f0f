using HostOps.Contracts.Jobs;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Client;

public sealed partial class JobClient
{
    /// <summary>Removes definition, events, responses and any dead letter; false when no job has that id.</summary>
    public async Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var job = _index.Find(id);
        if (job is null)
        {
            return false;
        }

        // The definition goes first: from then on the job is gone for every reader, whatever else follows.
        var store = await _buckets.JobsAsync(cancellationToken);
        await store.DeleteAsync(JobKeys.Definition(id), cancellationToken: cancellationToken);
        var responses = await _buckets.ResponsesAsync(cancellationToken);
        await foreach (var key in store.GetKeysAsync([JobKeys.EventsOf(id)], cancellationToken: cancellationToken))
        {
            await store.DeleteAsync(key, cancellationToken: cancellationToken);
        }

        await foreach (var key in responses.GetKeysAsync([$"{id:D}.>"], cancellationToken: cancellationToken))
        {
            await responses.DeleteAsync(key, cancellationToken: cancellationToken);
        }

        await _deadLetters.RemoveAsync(id, cancellationToken);
        return true;
    }

    /// <summary>
    /// Re-queues a failed, partially failed, dead-lettered or abandoned job (processing, but none of its hosts has a
    /// live heartbeat) as a new attempt with the same id; the earlier attempts' events stay as history.
    /// </summary>
    public async Task<RetryOutcome> RetryAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var job = _index.Find(id);
        if (job is null)
        {
            return new RetryOutcome(RetryResult.NotFound, $"no job with id {id}");
        }

        var conflict = await RetryConflictAsync(job.View, cancellationToken);
        if (conflict is not null)
        {
            return new RetryOutcome(RetryResult.Conflict, conflict, job.View.Attempt);
        }

        var attempt = job.View.Attempt + 1;
        var store = await _buckets.JobsAsync(cancellationToken);
        var revision = await store.PutAsync(
            JobKeys.Event(id, attempt, JobEventKind.Retried, null),
            new JobEvent(JobEventKind.Retried, attempt, _time.GetUtcNow()),
            JobSerializers.Event,
            cancellationToken);
        Wrote(revision);
        await _deadLetters.RemoveAsync(id, cancellationToken);
        var definition = await store.GetEntryAsync(JobKeys.Definition(id), serializer: JobSerializers.Definition, cancellationToken: cancellationToken);
        await JobPublisher.PublishAsync(_buckets.JetStream, definition.Value!.Subject, new JobNotification(id, attempt), cancellationToken);
        return new RetryOutcome(RetryResult.Retried, null, attempt);
    }

    private async Task<string?> RetryConflictAsync(Status.JobStatusView view, CancellationToken cancellationToken)
    {
        switch (view.Status)
        {
            case JobStatus.Failed or JobStatus.PartialFailure or JobStatus.Dlq:
                return null;
            case JobStatus.Completed:
                return "the job already completed";
            case JobStatus.Unprocessed:
                return "the job is still queued";
            default:
                var live = (await _agents.LiveAsync(cancellationToken)).Select(a => a.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var running = view.Hosts.Values.Where(h => h.Status == JobStatus.Processing && live.Contains(h.Hostname)).ToList();
                return running.Count > 0 ? $"the job is still running on {string.Join(", ", running.Select(h => h.Hostname))}" : null;
        }
    }
}
