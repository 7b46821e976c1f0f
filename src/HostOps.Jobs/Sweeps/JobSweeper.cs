using HostOps.Contracts.Jobs;
using HostOps.Jobs.Agents;
using HostOps.Jobs.Attempts;
using HostOps.Jobs.Index;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostOps.Jobs.Sweeps;

/// <summary>
/// Moves stranded jobs on, every <c>job.sweep.interval</c>, from the index (no bucket scans):
/// <list type="bullet">
/// <item>a job still unprocessed <c>ack_wait</c> after its last change whose current attempt has no notification
/// in the stream (a crash or a failed publish between the two writes) is published again;</item>
/// <item>an attempt held (processing) by an agent that is gone — no live heartbeat, or restarted since it claimed
/// the attempt — becomes a new attempt, up to <c>max_deliver</c> attempts, then the job is dead-lettered with the
/// reason; for a broadcast, that host's part is marked failed instead, since the other hosts ran theirs.</item>
/// </list>
/// The claims it reads on the way are folded into the job index (<see cref="JobIndex.FoldIn"/>), so a view that ever
/// missed a claim or an outcome is put right rather than showing the job waiting for good.
/// Several API servers may sweep at once: a new attempt starts with a create-only event, and a republish carries the
/// attempt's message id, so either happens once.
/// </summary>
public sealed partial class JobSweeper : BackgroundService
{
    private readonly JobBuckets _buckets;
    private readonly JobIndex _index;
    private readonly AgentDirectory _agents;
    private readonly JobAttempts _attempts;
    private readonly TimeProvider _time;
    private readonly ILogger<JobSweeper> _logger;
    private readonly HashSet<(Guid Id, int Attempt)> _seenPublished = [];

    public JobSweeper(JobBuckets buckets, JobIndex index, AgentDirectory agents, JobAttempts attempts, TimeProvider time, ILogger<JobSweeper> logger)
    {
        _buckets = buckets;
        _index = index;
        _agents = agents;
        _attempts = attempts;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_buckets.Options.Sweep.Interval.Value, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogSweepFailed(_logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    /// <summary>One pass over unprocessed and processing jobs.</summary>
    public async Task SweepAsync(CancellationToken cancellationToken)
    {
        await RepublishUnpublishedAsync(cancellationToken);
        await RetryAbandonedAsync(cancellationToken);
    }

    private async Task RepublishUnpublishedAsync(CancellationToken cancellationToken)
    {
        var settled = _time.GetUtcNow() - _buckets.Options.Consumer.AckWait.Value;
        var waiting = _index.WithStatus(JobStatus.Unprocessed);
        _seenPublished.IntersectWith(waiting.Select(j => (IdOf(j), j.View.Attempt)));
        foreach (var job in waiting.Where(j => j.View.Updated < settled && !_seenPublished.Contains((IdOf(j), j.View.Attempt))))
        {
            var definition = await _attempts.ReadDefinitionAsync(job, cancellationToken);
            if (definition is null)
            {
                continue;
            }

            var attempt = job.View.Attempt;
            if (await _attempts.LastPublishedAttemptAsync(definition, cancellationToken) < attempt)
            {
                LogRepublishing(_logger, definition.Id, attempt);
                await _attempts.PublishAsync(definition, attempt, cancellationToken);
            }
            else if (definition.ExpectedHosts is null)
            {
                await FoldInClaimAsync(definition, attempt, cancellationToken);
            }

            _seenPublished.Add((definition.Id, attempt));
        }
    }

    private async Task RetryAbandonedAsync(CancellationToken cancellationToken)
    {
        foreach (var job in _index.WithStatus(JobStatus.Processing))
        {
            var view = job.View;
            var holders = view.Hosts.Values.Where(h => h.Status == JobStatus.Processing).Select(h => h.Hostname).ToList();
            var alive = await _agents.HoldersAliveAsync(IdOf(job), view, cancellationToken);
            var gone = holders.Except(alive, StringComparer.OrdinalIgnoreCase).ToList();
            if (gone.Count == 0 || _index.Find(IdOf(job)) is null)
            {
                continue;
            }

            var definition = await _attempts.ReadDefinitionAsync(job, cancellationToken);
            if (definition is null)
            {
                continue;
            }

            // The index may trail the bucket by a moment: only the very claim judged above, still holding "started",
            // is abandoned (a newer claim of the same attempt, a redelivery after a transient failure, is not).
            gone = await StillClaimedAsync(definition, view, gone, cancellationToken);
            if (gone.Count == 0)
            {
                continue;
            }

            if (definition.ExpectedHosts is not null)
            {
                await FailBroadcastHostsAsync(definition, view.Attempt, gone, cancellationToken);
            }
            else if (alive.Count == 0)
            {
                await RetryOrGiveUpAsync(definition, view.Attempt, gone[0], cancellationToken);
            }
        }
    }

    private async Task RetryOrGiveUpAsync(JobDefinition definition, int attempt, string host, CancellationToken cancellationToken)
    {
        var maxAttempts = _buckets.Options.Consumer.MaxDeliver;
        if (attempt >= maxAttempts)
        {
            var reason = $"agent {host} stopped while running attempt {attempt}; gave up after {maxAttempts} attempts";
            LogGivingUp(_logger, definition.Id, reason);
            await _attempts.DeadLetterAsync(definition, attempt, host, reason, cancellationToken);
            return;
        }

        if (await _attempts.StartNextAsync(definition, attempt, cancellationToken) is not null)
        {
            LogRetrying(_logger, definition.Id, host, attempt + 1);
        }
    }

    // The other hosts of a broadcast ran their part; only the gone host's part is over, as failed.
    private async Task FailBroadcastHostsAsync(JobDefinition definition, int attempt, List<string> hosts, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        foreach (var host in hosts)
        {
            var error = $"agent {host} stopped while running attempt {attempt}";
            LogHostAbandoned(_logger, definition.Id, host);
            await store.PutAsync(
                JobKeys.Claim(definition.Id, attempt, JobSubjects.RouteOf(definition), host),
                new JobEvent(JobEventKind.Failed, attempt, _time.GetUtcNow(), host, error),
                JobSerializers.Event,
                cancellationToken);
        }
    }

    // Published, yet unprocessed after ack_wait: should the view have missed the claim an agent took, it learns it
    // here (the claim's agent being gone is then seen as for any processing job).
    private async Task FoldInClaimAsync(JobDefinition definition, int attempt, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        var key = JobKeys.Claim(definition.Id, attempt, JobSubjects.RouteOf(definition), definition.TargetHostname);
        var entry = await store.TryGetEntryAsync(key, serializer: JobSerializers.Event, cancellationToken: cancellationToken);
        if (entry.Success && entry.Value.Value is { } stored)
        {
            _index.FoldIn(key, stored, entry.Value.Revision);
        }
    }

    private async Task<List<string>> StillClaimedAsync(JobDefinition definition, JobStatusView view, List<string> hosts, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        var route = JobSubjects.RouteOf(definition);
        var claimed = new List<string>();
        foreach (var host in hosts)
        {
            var key = JobKeys.Claim(definition.Id, view.Attempt, route, host);
            var entry = await store.TryGetEntryAsync(key, serializer: JobSerializers.Event, cancellationToken: cancellationToken);
            var judged = view.Hosts.Values.FirstOrDefault(h => string.Equals(h.Hostname, host, StringComparison.OrdinalIgnoreCase))?.Updated;
            if (entry.Success && entry.Value.Value is { Kind: JobEventKind.Started } started && started.Timestamp <= judged)
            {
                claimed.Add(host);
            }
            else if (entry.Success && entry.Value.Value is { } stored)
            {
                // Its outcome (or a newer claim) is stored: should the view have missed it, it learns it here.
                _index.FoldIn(key, stored, entry.Value.Revision);
            }
        }

        return claimed;
    }

    private static Guid IdOf(IndexedJob job) => job.Id;

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job sweep failed; trying again next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} attempt {Attempt} was stored but never published; publishing it")]
    private static partial void LogRepublishing(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} was abandoned by agent {Hostname}; starting attempt {Attempt}")]
    private static partial void LogRetrying(ILogger logger, Guid jobId, string hostname, int attempt);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} dead-lettered: {Reason}")]
    private static partial void LogGivingUp(ILogger logger, Guid jobId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Broadcast job {JobId}: agent {Hostname} stopped while running its part; marking it failed")]
    private static partial void LogHostAbandoned(ILogger logger, Guid jobId, string hostname);
}
