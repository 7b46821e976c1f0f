using System.Diagnostics;
using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Agent.Telemetry;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Jobs.Telemetry;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Runs one delivered notification, at most once per attempt: it first claims the attempt (see
/// <see cref="AttemptClaim"/>); a notification whose attempt is already claimed (a retry since fills the claims no
/// agent took), whose job was deleted, or a broadcast that did not expect this host, is acked without running. Then it runs the operation
/// (sending in-progress acks while it takes long), replaces the claim with the terminal event that carries the
/// response, and only then acks. A transient failure hands the attempt back and naks with the configured back-off until
/// the last delivery, which dead-letters the job; an unreadable definition is dead-lettered at once, and so is a
/// notification delivered more than <c>max_deliver</c> times (its earlier holders stopped before finishing it).
/// </summary>
public sealed partial class JobRunner
{
    private readonly JobBuckets _buckets;
    private readonly DeadLetterOffice _deadLetters;
    private readonly OperationDispatcher _dispatcher;
    private readonly AgentIdentity _identity;
    private readonly HeldAttempts _held;
    private readonly TimeProvider _time;
    private readonly ILogger<JobRunner> _logger;
    private readonly AgentMetrics _metrics;

    public JobRunner(
        JobBuckets buckets, DeadLetterOffice deadLetters, OperationDispatcher dispatcher, AgentIdentity identity, HeldAttempts held,
        TimeProvider time, ILogger<JobRunner> logger, AgentMetrics metrics)
    {
        _metrics = metrics;
        _held = held;
        _buckets = buckets;
        _deadLetters = deadLetters;
        _dispatcher = dispatcher;
        _identity = identity;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(INatsJSMsg<string> msg, CancellationToken cancellationToken)
    {
        if (!JobNotification.TryParse(msg.Data, out var notification))
        {
            LogMalformed(_logger, msg.Subject);
            await msg.AckTerminateAsync(cancellationToken: cancellationToken);
            return;
        }

        _held.Add(notification);
        using var span = StartRunSpan(msg, notification);
        try
        {
            await ClaimAndRunAsync(msg, notification, cancellationToken);
        }
        finally
        {
            _held.Remove(notification);
        }
    }

    // job.run continues the submit's trace when the notification carries its traceparent (a consumer span of it).
    private Activity? StartRunSpan(INatsJSMsg<string> msg, JobNotification notification)
    {
        if (!HostOpsTelemetry.Source.HasListeners())
        {
            return null;
        }

        var parent = msg.Headers is { } headers && headers.TryGetValue(HostOpsTelemetry.TraceParentHeader, out var value)
            && ActivityContext.TryParse(value.ToString(), null, isRemote: true, out var context)
                ? context
                : default;
        var span = HostOpsTelemetry.Source.StartActivity("job.run", ActivityKind.Consumer, parent);
        span?.SetTag("hostops.job_id", notification.Id.ToString("D"));
        span?.SetTag("hostops.attempt", notification.Attempt);
        span?.SetTag("hostops.hostname", _identity.Hostname);
        return span;
    }

    private async Task ClaimAndRunAsync(INatsJSMsg<string> msg, JobNotification notification, CancellationToken cancellationToken)
    {
        var store = await _buckets.JobsAsync(cancellationToken);
        if (JobSubjects.RouteOf(_buckets.Options.Stream.SubjectPrefix, msg.Subject) is not { } route)
        {
            LogMalformed(_logger, msg.Subject);
            await msg.AckTerminateAsync(cancellationToken: cancellationToken);
            return;
        }

        if (JobSubjects.IsBroadcastRoute(route) && await NotExpectedHereAsync(store, route, notification, cancellationToken) is { } notExpected)
        {
            // Checked before the claim: it is not this host's work (and the index would not count its claim).
            LogSkipped(_logger, notification.Id, notification.Attempt, notExpected);
            await msg.AckAsync(cancellationToken: cancellationToken);
            return;
        }

        var started = new JobEvent(JobEventKind.Started, notification.Attempt, _time.GetUtcNow(), _identity.Hostname);
        var claimKey = JobKeys.Claim(notification.Id, notification.Attempt, route, _identity.Hostname);
        // The claim and the definition are read at once (one round trip, not two): a claim taken for a job that turns
        // out to be gone is given back below.
        var claiming = AttemptClaim.TryTakeAsync(store, claimKey, started, cancellationToken);
        var reading = ReadDefinitionAsync(store, route, notification, cancellationToken);
        var claim = await claiming;
        var definition = await reading;
        if (claim is null)
        {
            // An earlier delivery holds (or held) this attempt; if its agent is gone, the API starts a new attempt.
            LogAlreadyClaimed(_logger, notification.Id, notification.Attempt);
            await msg.AckAsync(cancellationToken: cancellationToken);
            return;
        }

        var skip = definition.Skip;
        if (skip is not null)
        {
            LogSkipped(_logger, notification.Id, notification.Attempt, skip);
            await claim.ReleaseAsync(cancellationToken);
            await msg.AckAsync(cancellationToken: cancellationToken);
            return;
        }

        if (definition.Job is null)
        {
            await claim.ReleaseAsync(cancellationToken);
            await DeadLetterAsync(msg, notification, null, "job definition is unreadable", 1, cancellationToken);
            return;
        }

        var delivered = Delivered(msg);
        if (delivered > _buckets.Options.Consumer.MaxDeliver)
        {
            // Each earlier delivery went to an agent that stopped before it acked or handed the notification back.
            await DeadLetterAsync(
                msg, notification, definition.Job,
                $"its notification was delivered {delivered} times; the agents holding the earlier deliveries stopped before finishing it",
                delivered, cancellationToken);
            return;
        }

        await RunClaimedAsync(msg, notification, definition.Job, claim, cancellationToken);
    }

    private static int Delivered(INatsJSMsg<string> msg) => (int)(msg.Metadata?.NumDelivered ?? 1);

    private async Task RunClaimedAsync(
        INatsJSMsg<string> msg, JobNotification notification, JobDefinition definition, AttemptClaim claim, CancellationToken cancellationToken)
    {
        var delivered = Delivered(msg);
        var operation = definition.Operation.Type;
        Activity.Current?.SetTag("hostops.operation", operation);
        var clock = Stopwatch.StartNew();
        JobHostResponse response;
        RunningJob.Enter(notification.Id, notification.Attempt); // flows into the handler; undone when this method returns
        try
        {
            var data = await OperateAsync(msg, definition, cancellationToken);
            response = new JobHostResponse(JobStatus.Completed, data, null, _identity.Hostname);
        }
        catch (OperationFailedException ex)
        {
            response = new JobHostResponse(JobStatus.Failed, null, ex.Message, _identity.Hostname);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutting down past the grace period: the attempt may have done part of its work, so it keeps its claim
            // and is not run again; the nak makes the server let go of it, and the API starts a new attempt.
            await msg.NakAsync(cancellationToken: CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            LogTransientFailure(_logger, ex, notification.Id, operation, delivered);
            _metrics.Ran(operation, "retried", clock.Elapsed);
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message);
            var maxDeliver = _buckets.Options.Consumer.MaxDeliver;
            if (delivered >= maxDeliver)
            {
                await DeadLetterAsync(msg, notification, definition, ex.Message, delivered, cancellationToken);
                return;
            }

            // The handler said it did not finish: the attempt goes back for the next delivery to run.
            await claim.ReleaseAsync(cancellationToken);
            var backOff = _buckets.Options.Consumer.EffectiveBackOff;
            await msg.NakAsync(delay: backOff[Math.Min(delivered - 1, backOff.Count - 1)], cancellationToken: cancellationToken);
            return;
        }

        _metrics.Ran(operation, response.Status, clock.Elapsed);
        await FinishAsync(msg, notification, claim, response, clock.Elapsed, cancellationToken);
        await msg.AckAsync(cancellationToken: cancellationToken);
    }

    // A handler that does not finish at once gets in-progress acks, so the server does not redeliver it meanwhile.
    private async Task<JsonElement> OperateAsync(INatsJSMsg<string> msg, JobDefinition definition, CancellationToken cancellationToken)
    {
        var handler = _dispatcher.Find(definition.Operation.Type)
            ?? throw new OperationFailedException($"operation {definition.Operation.Type} is not supported by agent {_identity.Hostname}");
        var running = handler.HandleAsync(definition.Operation.Data, cancellationToken);
        if (running.IsCompleted)
        {
            return await running;
        }

        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = InProgressAcks.SendUntilCancelledAsync(msg, _buckets.Options.Consumer.AckWait.Value, _time, _logger, keepAlive.Token);
        try
        {
            return await running;
        }
        finally
        {
            await keepAlive.CancelAsync();
            await progress;
        }
    }

    // The response travels inside the terminal event, so whoever reads "completed" finds its result: one write ends
    // the attempt. When the claim is gone the job was deleted while it ran, and nothing of it is stored.
    private async Task FinishAsync(
        INatsJSMsg<string> msg, JobNotification notification, AttemptClaim claim, JobHostResponse response, TimeSpan took,
        CancellationToken cancellationToken)
    {
        var kind = response.Status == JobStatus.Completed ? JobEventKind.Completed : JobEventKind.Failed;
        var outcome = new JobEvent(kind, notification.Attempt, _time.GetUtcNow(), _identity.Hostname, response.Error, took.TotalMilliseconds, response);
        await ResultWrites.PersistAsync(msg, _logger, async ct =>
        {
            if (!await claim.CompleteAsync(outcome, ct))
            {
                LogDeletedWhileRunning(_logger, notification.Id);
            }
        }, cancellationToken);
    }

    private async Task<string?> NotExpectedHereAsync(INatsKVStore store, string route, JobNotification notification, CancellationToken cancellationToken)
    {
        var definition = (await ReadDefinitionAsync(store, route, notification, cancellationToken)).Job;
        return definition?.ExpectedHosts is { } expected && !expected.Contains(_identity.Hostname, StringComparer.OrdinalIgnoreCase)
            ? "the broadcast did not expect this host (it was not live when the job was accepted)"
            : null;
    }

    private async Task DeadLetterAsync(
        INatsJSMsg<string> msg, JobNotification notification, JobDefinition? definition, string error, int attempts, CancellationToken cancellationToken)
    {
        var letter = new DeadLetter(
            notification.Id, definition?.Operation.Type ?? "unknown", definition?.TargetHostname ?? "unknown", error, attempts,
            _time.GetUtcNow(), _identity.Hostname);
        await _deadLetters.AddAsync(letter, notification.Attempt, markJob: definition is not null, cancellationToken);
        await msg.AckTerminateAsync(cancellationToken: cancellationToken);
        _metrics.DeadLettered(letter.Operation);
        LogDeadLettered(_logger, notification.Id, letter.Operation, error);
    }

    // The definition, keyed by the route the notification came on. A superseded attempt needs no read here: before a
    // later attempt is published its claims are filled (JobAttempts.FenceAsync), so the claim above was refused.
    private static async Task<(JobDefinition? Job, string? Skip)> ReadDefinitionAsync(
        INatsKVStore store, string route, JobNotification notification, CancellationToken cancellationToken)
    {
        var entry = await ReplicaLag.GetExpectedAsync<byte[]>(store, JobKeys.Definition(notification.Id, route), null, cancellationToken);
        return entry.Success && entry.Value.Value is { Length: > 0 } bytes
            ? (JobSerializers.TryRead(bytes, HostOpsJsonContext.Default.JobDefinition), null)
            : (null, "the job was deleted or has expired");
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping malformed job notification on {Subject}")]
    private static partial void LogMalformed(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Job {JobId} attempt {Attempt} is already claimed; acknowledged without running")]
    private static partial void LogAlreadyClaimed(ILogger logger, Guid jobId, int attempt);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} attempt {Attempt} acknowledged without running: {Reason}")]
    private static partial void LogSkipped(ILogger logger, Guid jobId, int attempt, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Job {JobId} was deleted while it ran; its result is discarded")]
    private static partial void LogDeletedWhileRunning(ILogger logger, Guid jobId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Operation}) failed transiently on delivery {Delivered}")]
    private static partial void LogTransientFailure(ILogger logger, Exception exception, Guid jobId, string operation, int delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Operation}) dead-lettered: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid jobId, string operation, string error);
}
