using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Text;
using HostOps.Jobs.Index;
using HostOps.Jobs.Store;

namespace HostOps.Jobs.Client;

public sealed partial class JobClient
{
    // Shown on a host that holds a job but stopped heartbeating: the job is stuck there until retried or redelivered.
    private const string AbandonedError = "agent has no live heartbeat; the job is redelivered after ack_wait or can be retried";

    /// <summary>The job, or null when no job has that id.</summary>
    public async Task<JobDetail?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        var job = _index.Find(id);
        return job is null ? null : await DetailAsync(job, cancellationToken);
    }

    /// <summary>One page of jobs, newest first; <paramref name="status"/> null for all, else a <see cref="JobStatus"/> value.</summary>
    public async Task<JobList> ListAsync(string? status, int limit, int offset, CancellationToken cancellationToken)
    {
        if (status is not null && !JobStatus.IsKnown(status))
        {
            throw new JobRequestException("status", $"unknown status '{status}'; use one of {string.Join(", ", JobStatus.All)}");
        }

        await CatchUpAsync(cancellationToken);
        var (total, page) = _index.List(status, Math.Max(0, limit), Math.Max(0, offset));
        var items = await Task.WhenAll(page.Select(job => DetailAsync(job, cancellationToken)));
        return new JobList(total, items);
    }

    /// <summary>The job once it reaches a terminal status, or null if <paramref name="timeout"/> passes first.</summary>
    public async Task<JobDetail?> WaitForCompletionAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        await CatchUpAsync(cancellationToken);
        try
        {
            var job = await _index.WhenTerminalAsync(id, timeout, cancellationToken);
            return job is null ? null : await DetailAsync(job, cancellationToken);
        }
        catch (TimeoutException)
        {
            return null;
        }
    }

    private async Task<JobDetail> DetailAsync(IndexedJob job, CancellationToken cancellationToken)
    {
        var view = job.View;
        var definition = job.Definition;
        var responses = new Dictionary<string, JobHostResponse>(StringComparer.OrdinalIgnoreCase);
        var answered = view.Hosts.Values.Where(h => h.Status is JobStatus.Completed or JobStatus.Failed).ToList();
        if (answered.Count > 0)
        {
            var store = await _buckets.ResponsesAsync(cancellationToken);
            foreach (var host in answered)
            {
                var entry = await store.TryGetEntryAsync(JobKeys.Response(definition.Id, host.Hostname), serializer: JobSerializers.Response, cancellationToken: cancellationToken);
                if (entry.Success && entry.Value.Value is { } response)
                {
                    responses[host.Hostname] = response;
                }
            }
        }

        var live = view.Hosts.Values.Any(h => h.Status == JobStatus.Processing)
            ? (await _agents.LiveAsync(cancellationToken)).Select(a => a.Hostname).ToHashSet(StringComparer.OrdinalIgnoreCase)
            : [];
        var states = view.Hosts.Values.ToDictionary(
            h => h.Hostname,
            h => new WorkerState(
                h.Status,
                h.Status == JobStatus.Processing && !live.Contains(h.Hostname) ? AbandonedError : h.Error,
                h.DurationMs is { } ms ? DurationText.FormatMilliseconds(ms) : null),
            StringComparer.OrdinalIgnoreCase);
        JsonElement? result = definition.ExpectedHosts is null
            ? responses.Values.FirstOrDefault(r => r.Status == JobStatus.Completed)?.Data
            : null;
        return new JobDetail(
            definition.Id, view.Status, definition.Created, view.Updated, definition.Operation, definition.TargetHostname,
            view.LastHostname, result, view.Error, responses, states, view.Attempt);
    }
}
