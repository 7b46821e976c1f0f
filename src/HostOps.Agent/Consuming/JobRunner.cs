using System.Diagnostics;
using System.Text.Json;
using HostOps.Agent.Operations;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.DeadLetters;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;
using NATS.Client.KeyValueStore;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Runs one delivered notification: reads the definition, runs the operation while sending in-progress acks
/// (appending <c>started</c>, which implies acknowledged, once it runs longer than a moment), writes the response and then the terminal event, and only
/// then acks. A transient failure is nakked with the configured back-off until the last delivery, which
/// dead-letters the job; a missing or unreadable definition is dead-lettered at once.
/// </summary>
public sealed partial class JobRunner
{
    private static readonly TimeSpan StartedEventDelay = TimeSpan.FromMilliseconds(20);

    private readonly JobBuckets _buckets;
    private readonly DeadLetterOffice _deadLetters;
    private readonly OperationDispatcher _dispatcher;
    private readonly AgentIdentity _identity;
    private readonly TimeProvider _time;
    private readonly ILogger<JobRunner> _logger;

    public JobRunner(
        JobBuckets buckets, DeadLetterOffice deadLetters, OperationDispatcher dispatcher, AgentIdentity identity,
        TimeProvider time, ILogger<JobRunner> logger)
    {
        _buckets = buckets;
        _deadLetters = deadLetters;
        _dispatcher = dispatcher;
        _identity = identity;
        _time = time;
        _logger = logger;
    }

    public async Task RunAsync(INatsJSMsg<string> msg, CancellationToken cancellationToken)
    {
        var delivered = (int)(msg.Metadata?.NumDelivered ?? 1);
        var maxDeliver = _buckets.Options.Consumer.MaxDeliver;
        if (!JobNotification.TryParse(msg.Data, out var notification))
        {
            LogMalformed(_logger, msg.Subject);
            await msg.AckTerminateAsync(cancellationToken: cancellationToken);
            return;
        }

        var store = await _buckets.JobsAsync(cancellationToken);
        var definition = await ReadDefinitionAsync(store, notification.Id, cancellationToken);
        if (definition is null)
        {
            await DeadLetterAsync(msg, notification, null, "job definition is missing or unreadable", delivered, cancellationToken);
            return;
        }

        if (delivered > maxDeliver)
        {
            await DeadLetterAsync(msg, notification, definition, $"no worker finished the job after {maxDeliver} deliveries", maxDeliver, cancellationToken);
            return;
        }

        if (delivered > 1 && await AlreadyFinishedAsync(store, notification, definition, cancellationToken))
        {
            await msg.AckAsync(cancellationToken: cancellationToken);
            return;
        }

        var clock = Stopwatch.StartNew();
        try
        {
            var data = await OperateAsync(msg, store, notification, definition, cancellationToken);
            await FinishAsync(store, notification, new JobHostResponse(JobStatus.Completed, data, null, _identity.Hostname), clock.Elapsed, cancellationToken);
            await msg.AckAsync(cancellationToken: cancellationToken);
        }
        catch (OperationFailedException ex)
        {
            await FinishAsync(store, notification, new JobHostResponse(JobStatus.Failed, null, ex.Message, _identity.Hostname), clock.Elapsed, cancellationToken);
            await msg.AckAsync(cancellationToken: cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The agent is shutting down past its grace period: hand the job back for another agent at once.
            await msg.NakAsync(cancellationToken: CancellationToken.None);
            throw;
        }
        catch (Exception ex)
        {
            LogTransientFailure(_logger, ex, notification.Id, definition.Operation.Type, delivered);
            if (delivered >= maxDeliver)
            {
                await DeadLetterAsync(msg, notification, definition, ex.Message, delivered, cancellationToken);
            }
            else
            {
                var backOff = _buckets.Options.Consumer.EffectiveBackOff;
                await msg.NakAsync(delay: backOff[Math.Min(delivered - 1, backOff.Count - 1)], cancellationToken: cancellationToken);
            }
        }
    }

    // Runs the operation. One that finishes within StartedEventDelay gets no separate started event and no
    // keep-alive: its terminal event, written moments later, says the same (one KV write less per job). A longer
    // one is marked started (processing) and sends in-progress acks until it ends.
    private async Task<JsonElement> OperateAsync(
        INatsJSMsg<string> msg, INatsKVStore store, JobNotification notification, JobDefinition definition, CancellationToken cancellationToken)
    {
        var handler = _dispatcher.Find(definition.Operation.Type)
            ?? throw new OperationFailedException($"operation {definition.Operation.Type} is not supported by agent {_identity.Hostname}");
        RunningJob.Enter(notification.Id, notification.Attempt); // flows into the handler; undone when this method returns
        var running = handler.HandleAsync(definition.Operation.Data, cancellationToken);
        using (var quick = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken))
        {
            if (await Task.WhenAny(running, Task.Delay(StartedEventDelay, _time, quick.Token)) == running)
            {
                await quick.CancelAsync();
                return await running;
            }
        }

        var started = AppendAsync(store, notification, JobEventKind.Started, null, null, cancellationToken);
        using var keepAlive = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var progress = KeepAliveAsync(msg, keepAlive.Token);
        try
        {
            return await running;
        }
        finally
        {
            await keepAlive.CancelAsync();
            await progress;

            // Written before the terminal event; if it failed, the terminal event still tells the outcome.
            await started.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // Tells the server the job is still being worked on, so a long operation is not redelivered meanwhile.
    private async Task KeepAliveAsync(INatsJSMsg<string> msg, CancellationToken cancellationToken)
    {
        var every = TimeSpan.FromTicks(Math.Max(TimeSpan.FromMilliseconds(100).Ticks, _buckets.Options.Consumer.AckWait.Value.Ticks / 3));
        using var timer = new PeriodicTimer(every, _time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken))
            {
                await msg.AckProgressAsync(cancellationToken: cancellationToken);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }

    private async Task FinishAsync(INatsKVStore store, JobNotification notification, JobHostResponse response, TimeSpan took, CancellationToken cancellationToken)
    {
        // Response and terminal event are pipelined: the server stores one connection's publishes in the order
        // sent, so whoever sees the event can read the response; the ack waits for both.
        var responses = await _buckets.ResponsesAsync(cancellationToken);
        var kind = response.Status == JobStatus.Completed ? JobEventKind.Completed : JobEventKind.Failed;
        await Task.WhenAll(
            responses.PutAsync(JobKeys.Response(notification.Id, _identity.Hostname), response, JobSerializers.Response, cancellationToken).AsTask(),
            AppendAsync(store, notification, kind, response.Error, took.TotalMilliseconds, cancellationToken));
    }

    private async Task AppendAsync(INatsKVStore store, JobNotification notification, string kind, string? error, double? durationMs, CancellationToken cancellationToken) =>
        await store.PutAsync(
            JobKeys.Event(notification.Id, notification.Attempt, kind, _identity.Hostname),
            new JobEvent(kind, notification.Attempt, _time.GetUtcNow(), _identity.Hostname, error, durationMs),
            JobSerializers.Event,
            cancellationToken);

    private async Task DeadLetterAsync(
        INatsJSMsg<string> msg, JobNotification notification, JobDefinition? definition, string error, int attempts, CancellationToken cancellationToken)
    {
        var letter = new DeadLetter(
            notification.Id, definition?.Operation.Type ?? "unknown", definition?.TargetHostname ?? "unknown", error, attempts,
            _time.GetUtcNow(), _identity.Hostname);
        await _deadLetters.AddAsync(letter, notification.Attempt, markJob: definition is not null, cancellationToken);
        await msg.AckTerminateAsync(cancellationToken: cancellationToken);
        LogDeadLettered(_logger, notification.Id, letter.Operation, error);
    }

    private static async Task<JobDefinition?> ReadDefinitionAsync(INatsKVStore store, Guid id, CancellationToken cancellationToken)
    {
        var entry = await store.TryGetEntryAsync<byte[]>(JobKeys.Definition(id), cancellationToken: cancellationToken);
        if (!entry.Success || entry.Value.Value is not { Length: > 0 } bytes)
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize(bytes, HostOpsJsonContext.Default.JobDefinition);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    // Redelivered after a crash between the terminal event and the ack: the work is done, only the ack is missing.
    private async Task<bool> AlreadyFinishedAsync(INatsKVStore store, JobNotification notification, JobDefinition definition, CancellationToken cancellationToken)
    {
        await foreach (var key in store.GetKeysAsync([JobKeys.EventsOf(notification.Id, notification.Attempt)], cancellationToken: cancellationToken))
        {
            var finished = key.Contains($".{JobEventKind.Completed}.", StringComparison.Ordinal) || key.Contains($".{JobEventKind.Failed}.", StringComparison.Ordinal);
            var mine = definition.ExpectedHosts is null || key.EndsWith("." + Jobs.Routing.HostToken.From(_identity.Hostname), StringComparison.Ordinal);
            if (finished && mine)
            {
                return true;
            }
        }

        return false;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Dropping malformed job notification on {Subject}")]
    private static partial void LogMalformed(ILogger logger, string subject);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Operation}) failed transiently on delivery {Delivered}")]
    private static partial void LogTransientFailure(ILogger logger, Exception exception, Guid jobId, string operation, int delivered);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job {JobId} ({Operation}) dead-lettered: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, Guid jobId, string operation, string error);
}
