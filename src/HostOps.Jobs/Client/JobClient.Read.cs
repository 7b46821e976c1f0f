using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Text;
using HostOps.Jobs.Index;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using NATS.Client.Core;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Client;

public sealed partial class JobClient
{
    // Shown on a host that holds a job but stopped heartbeating: the job is stuck there until retried or redelivered.
    private const string AbandonedError = "agent has no live heartbeat; the sweep starts a new attempt (or POST /job/{id}/retry does it now)";

    /// <summary>The job, or null when no job has that id.</summary>
    public async Task<JobDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var job = _index.Find(id);
        return job is null ? null : await DetailAsync(job, new LiveHosts(_agents), cancellationToken);
    }

    /// <summary>The job as the index holds it once it has caught up with this client's writes, or null when no job has that id.</summary>
    public async Task<IndexedJob?> FindAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        return _index.Find(id);
    }

    /// <summary>One page of jobs, newest first; <paramref name="status"/> null for all, else a <see cref="JobStatus"/> value.</summary>
    public Task<JobList> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken) =>
        ListAsync(status, limit, offset, null, cancellationToken);

    /// <summary>
    /// One page of jobs, newest first; <paramref name="status"/> null for all, else a <see cref="JobStatus"/> value.
    /// <paramref name="cursor"/> (the <c>next</c> of the previous page) continues right after that page's last job,
    /// whatever was added meanwhile; <paramref name="offset"/> then skips that many more.
    /// </summary>
    public Task<JobList> ListAsync(string? status, int limit, int offset, string? cursor, CancellationToken cancellationToken) =>
        ListAsync(new JobListQuery(status, limit, offset, cursor), cancellationToken);

    /// <summary>
    /// One page of jobs, newest first, of the status, operation type and target the query names (null: any); see
    /// <see cref="ListAsync(string?, int, int, string?, CancellationToken)"/> for the paging.
    /// </summary>
    public async Task<JobList> ListAsync(JobListQuery query, CancellationToken cancellationToken)
    {
        var (status, limit, offset, cursor) = (query.Status, query.Limit, query.Offset, query.Cursor);
        if (status is not null && !JobStatus.IsKnown(status))
        {
            throw new JobRequestException("status", $"unknown status '{status}'; use one of {string.Join(", ", JobStatus.All)}");
        }

        JobOrder? after = null;
        if (cursor is not null)
        {
            after = JobCursor.TryDecode(cursor, out var position)
                ? position
                : throw new JobRequestException("cursor", "is not the next cursor of an earlier page");
        }

        await CatchUpAsync(cancellationToken);
        var page = _index.Page(status, after, Math.Max(0, offset), Math.Max(0, limit), query.Matches);
        var live = new LiveHosts(_agents);
        var items = await Task.WhenAll(page.Items.Select(job => DetailAsync(job, live, cancellationToken)));
        var next = page.HasMore && page.Items.Count > 0 ? JobCursor.Encode(page.Items[^1].Order) : null;
        return new JobList(page.Total, items.OfType<JobDetail>().ToList(), next);
    }

    /// <summary>The job once it reaches a terminal status, or null if <paramref name="timeout"/> passes first.</summary>
    public async Task<JobDetail?> WaitForCompletionAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        try
        {
            var job = await _index.WhenTerminalAsync(id, timeout, cancellationToken);
            return job is null ? null : await DetailAsync(job, new LiveHosts(_agents), cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    /// <summary>
    /// The job in full: the index gives its status and hosts; the definition (operation and input) and each terminal
    /// event — its error, duration and the host's response — are read from the bucket, all at once. Null when the
    /// definition is gone (deleted since the index was read).
    /// </summary>
    private async Task<JobDetail?> DetailAsync(IndexedJob job, LiveHosts live, CancellationToken cancellationToken)
    {
        var progress = job.Progress;
        var store = await _buckets.JobsAsync(cancellationToken);
        var definitionRead = ReplicaLag.GetExpectedAsync(store, JobKeys.Definition(job.Id, job.Route), JobSerializers.Definition, cancellationToken);

        var detailReads = new List<(string Kind, string? Host, Task<NatsResult<NatsKVEntry<JobEvent>>> Read)>();
        foreach (var mark in progress.Hosts.Where(m => JobStatusCalculator.NeedsDetail(m.Kind)))
        {
            detailReads.Add((mark.Kind, mark.Hostname, ReadEventAsync(store, JobKeys.EventOf(job.Id, progress.Attempt, mark.Kind, mark.Hostname, job.Route), cancellationToken)));
        }

        if (progress.DlqWithoutHost)
        {
            detailReads.Add((JobEventKind.Dlq, null, ReadEventAsync(store, JobKeys.Event(job.Id, progress.Attempt, JobEventKind.Dlq, null), cancellationToken)));
        }

        var liveHosts = progress.Hosts.Any(m => JobProgress.StateOf(m.Kind) == JobStatus.Processing) ? await live.GetAsync(cancellationToken) : null;
        var definition = await definitionRead;
        if (!definition.Success || definition.Value.Value is not { } stored)
        {
            return null;
        }

        var details = new Dictionary<(string, string?), HostDetail>();
        var answers = new Dictionary<string, JobHostResponse>(StringComparer.OrdinalIgnoreCase);
        foreach (var (kind, host, read) in detailReads)
        {
            var entry = await read;
            if (entry.Success && entry.Value.Value is { } e)
            {
                details[(kind, host?.ToUpperInvariant())] = new HostDetail(e.Error, e.DurationMs);
                if (host is not null && kind is JobEventKind.Completed or JobEventKind.Failed && e.Response is { } response)
                {
                    answers[host] = response;
                }
            }
        }

        var view = JobStatusCalculator.View(progress, job.Created, job.ExpectedHosts, (kind, host) => details.GetValueOrDefault((kind, host?.ToUpperInvariant())));
        var states = view.Hosts.Values.ToDictionary(
            h => h.Hostname,
            h => new WorkerState(
                h.Status,
                h.Status == JobStatus.Processing && liveHosts is not null && !liveHosts.Contains(h.Hostname) ? AbandonedError : h.Error,
                h.DurationMs is { } ms ? DurationText.FormatMilliseconds(ms) : null),
            StringComparer.OrdinalIgnoreCase);
        JsonElement? result = job.ExpectedHosts is null
            ? answers.Values.FirstOrDefault(r => r.Status == JobStatus.Completed)?.Data
            : null;
        return new JobDetail(
            job.Id, view.Status, job.Created, view.Updated, stored.Operation, job.Target,
            view.LastHostname, result, view.Error, answers, states, view.Attempt, stored.TraceId);
    }

    private static Task<NatsResult<NatsKVEntry<JobEvent>>> ReadEventAsync(INatsKVStore store, string key, CancellationToken cancellationToken) =>
        store.TryGetEntryAsync(key, serializer: JobSerializers.Event, cancellationToken: cancellationToken).AsTask();

    /// <summary>The hostnames of live agents, read once per request and only if a job shown is still processing.</summary>
    private sealed class LiveHosts(Agents.AgentDirectory agents)
    {
        private Task<HashSet<string>>? _read;

        public Task<HashSet<string>> GetAsync(CancellationToken cancellationToken) => _read ??= ReadAsync(cancellationToken);

        private async Task<HashSet<string>> ReadAsync(CancellationToken cancellationToken) =>
            (await agents.LiveAsync(cancellationToken)).Select(a => a.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase);
    }
}
