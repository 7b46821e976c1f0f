using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Client;

/// <summary>The job system as the API sees it: submit, read, list, delete, retry, wait, count.</summary>
public sealed class JobClient
{
    /// <summary>Stores the job and publishes its notification. Throws <see cref="JobRequestException"/> naming the bad field.</summary>
    public Task<SubmitJobResponse> SubmitAsync(JobOperation operation, string? targetHostname, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>The job, or null when no job has that id.</summary>
    public Task<JobDetail?> GetAsync(Guid id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>One page of jobs, newest first; <paramref name="status"/> null for all (must be a <see cref="JobStatus"/> value).</summary>
    public Task<JobList> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Removes definition, events and responses; false when no job has that id.</summary>
    public Task<bool> DeleteAsync(Guid id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Re-queues a failed, dead-lettered or abandoned job as a new attempt.</summary>
    public Task<RetryOutcome> RetryAsync(Guid id, CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>Exact counts from the incremental view; cost does not grow with the number of jobs.</summary>
    public Task<QueueStats> GetStatsAsync(CancellationToken cancellationToken) => throw new NotImplementedException();

    /// <summary>The job once it reaches a terminal status, or null if <paramref name="timeout"/> passes first.</summary>
    public Task<JobDetail?> WaitForCompletionAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken) =>
        throw new NotImplementedException();

    /// <summary>Agents whose heartbeat is alive.</summary>
    public Task<WorkerList> GetWorkersAsync(CancellationToken cancellationToken) => throw new NotImplementedException();
}
