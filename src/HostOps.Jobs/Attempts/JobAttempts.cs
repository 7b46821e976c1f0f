using System.Text;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Index;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using NATS.Client.JetStream;
using NATS.Client.JetStream.Models;

namespace HostOps.Jobs.Attempts;

/// <summary>
/// Moves a job to its next attempt, or publishes its current one again, for <c>POST /job/{id}/retry</c> and the
/// <see cref="Sweeps.JobSweeper"/>. A new attempt starts with a create-only <c>retried</c> event, so when two API
/// servers (or a user and a sweep) race, exactly one attempt n+1 exists and is published once.
/// </summary>
public sealed class JobAttempts
{
    private readonly JobBuckets _buckets;
    private readonly DeadLetterOffice _deadLetters;
    private readonly TimeProvider _time;

    public JobAttempts(JobBuckets buckets, DeadLetterOffice deadLetters, TimeProvider time)
    {
        _buckets = buckets;
        _deadLetters = deadLetters;
        _time = time;
    }

    /// <summary>The stored definition of an indexed job, or null when the job is gone (deleted or expired) or unreadable.</summary>
    public async Task<JobDefinition?> ReadDefinitionAsync(IndexedJob job, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        var entry = await store.TryGetEntryAsync<byte[]>(JobKeys.Definition(job.Id, job.Route), cancellationToken: cancellationToken);
        return entry.Success ? JobSerializers.TryRead(entry.Value.Value, HostOpsJsonContext.Default.JobDefinition) : null;
    }

    /// <summary>
    /// Starts attempt <paramref name="current"/>+1: writes its <c>retried</c> event (create-only), removes any dead
    /// letter and publishes it. Returns the revision of the event, or null when that attempt already exists.
    /// </summary>
    public async Task<ulong?> StartNextAsync(JobDefinition definition, int current, CancellationToken cancellationToken)
    {
        var attempt = current + 1;
        var store = await _buckets.JobsAsync(cancellationToken);
        var created = await store.TryCreateAsync(
            JobKeys.Event(definition.Id, attempt, JobEventKind.Retried, null),
            new JobEvent(JobEventKind.Retried, attempt, _time.GetUtcNow()),
            JobSerializers.Event,
            cancellationToken);
        if (!created.Success)
        {
            return null;
        }

        await _deadLetters.RemoveAsync(definition.Id, cancellationToken);
        await PublishAsync(definition, attempt, cancellationToken);
        return created.Value;
    }

    /// <summary>
    /// Publishes attempt <paramref name="attempt"/>'s notification (a duplicate inside the window is dropped by its
    /// message id); a later attempt's only once the earlier attempt is fenced (<see cref="FenceAsync"/>).
    /// </summary>
    public async Task PublishAsync(JobDefinition definition, int attempt, CancellationToken cancellationToken)
    {
        if (attempt > 1)
        {
            await FenceAsync(definition, attempt - 1, cancellationToken);
        }

        await JobPublisher.PublishAsync(_buckets.JetStream, definition.Subject, new JobNotification(definition.Id, attempt), cancellationToken);
    }

    // Fills every claim of the superseded attempt that no agent has taken with the next attempt's retried event
    // (create-only; a taken claim stays as it is): a late notification of that attempt then finds its claim taken and
    // is acked without running, so agents need not read whether a newer attempt exists before every run. The index
    // and every status read ignore it (its attempt is not the key's, see EventAuthority).
    private async Task FenceAsync(JobDefinition definition, int attempt, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        var route = JobSubjects.RouteOf(definition);
        var fence = new JobEvent(JobEventKind.Retried, attempt + 1, _time.GetUtcNow());
        foreach (var host in definition.ExpectedHosts ?? [definition.TargetHostname])
        {
            await store.TryCreateAsync(JobKeys.Claim(definition.Id, attempt, route, host), fence, JobSerializers.Event, cancellationToken);
        }
    }

    /// <summary>The attempt of the last notification published for the job (its subject is its own); 0 when none is stored.</summary>
    public async Task<int> LastPublishedAttemptAsync(JobDefinition definition, CancellationToken cancellationToken)
    {
        var found = await LastNotificationAsync(definition, cancellationToken);
        var body = found is { Data.Length: > 0 } message ? Encoding.UTF8.GetString(message.Data.Span) : null;
        return JobNotification.TryParse(body, out var notification) ? notification.Attempt : 0;
    }

    /// <summary>
    /// Removes the job's notifications from the stream, one message at a time by sequence: nats-server 2.9 moves
    /// every consumer past a filtered purge, which would skip other jobs' notifications.
    /// </summary>
    public async Task RemoveNotificationsAsync(JobDefinition definition, CancellationToken cancellationToken)
    {
        for (var i = 0; i < 100 && await LastNotificationAsync(definition, cancellationToken) is { } found; i++)
        {
            await _buckets.JetStream.DeleteMessageAsync(
                _buckets.Options.Stream.Name, new StreamMsgDeleteRequest { Seq = found.Seq, NoErase = true }, cancellationToken);
        }
    }

    // The stream's last message on the job's subject (STREAM.MSG.GET by subject); null when there is none.
    private async Task<StoredMessage?> LastNotificationAsync(JobDefinition definition, CancellationToken cancellationToken)
    {
        try
        {
            var found = await _buckets.JetStream.JSRequestResponseAsync<StreamMsgGetRequest, StreamMsgGetResponse>(
                $"{_buckets.JetStream.Opts.Prefix}.STREAM.MSG.GET.{_buckets.Options.Stream.Name}", new StreamMsgGetRequest { LastBySubj = definition.Subject }, cancellationToken);
            return found.Message;
        }
        catch (NatsJSApiException ex) when (ex.Error.Code == 404)
        {
            return null;
        }
    }

    /// <summary>Dead-letters the job's current attempt with <paramref name="reason"/> (message on JOBS-DLQ plus a <c>dlq</c> event).</summary>
    public Task DeadLetterAsync(JobDefinition definition, int attempt, string? hostname, string reason, CancellationToken cancellationToken) =>
        _deadLetters.AddAsync(
            new DeadLetter(definition.Id, definition.Operation.Type, definition.TargetHostname, reason, attempt, _time.GetUtcNow(), hostname),
            attempt, markJob: true, cancellationToken);
}
