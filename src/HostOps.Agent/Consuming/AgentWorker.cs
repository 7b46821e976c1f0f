using HostOps.Agent.Operations;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Pulls from the agent's consumers and runs up to <c>job.worker.max_jobs</c> jobs at once. A pull asks for no more
/// notifications than there are free job slots (reserved before the pull), so a fetched notification always starts
/// at once and none waits in a buffer while its <c>ack_wait</c> runs out. On shutdown it stops pulling (a
/// notification that still arrives is handed back at once), lets running jobs finish within the host's shutdown
/// timeout, and cancels the rest, which nak their notifications.
/// </summary>
public sealed partial class AgentWorker : BackgroundService
{
    private static readonly TimeSpan PullExpiry = TimeSpan.FromSeconds(1);

    private readonly JobBuckets _buckets;
    private readonly JobRunner _runner;
    private readonly AgentIdentity _identity;
    private readonly ILogger<AgentWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly int _maxJobs;
    private readonly CancellationTokenSource _abort = new();
    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly List<Task> _inFlight = [];
    private int _running;

    public AgentWorker(JobBuckets buckets, JobRunner runner, AgentIdentity identity, ILogger<AgentWorker> logger)
    {
        _buckets = buckets;
        _runner = runner;
        _identity = identity;
        _logger = logger;
        _maxJobs = Math.Max(1, buckets.Options.Worker.MaxJobs);
        _slots = new SemaphoreSlim(_maxJobs);
    }

    /// <summary>Jobs running right now (reported in the heartbeat).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Completes once every consumer of the agent exists: only then may it announce itself.</summary>
    public Task Started => _started.Task;

    /// <summary>Completes once the agent has stopped pulling and every job it held has ended.</summary>
    public Task Drained => _drained.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var routes = AgentConsumers.RoutesOf(_identity);
            var consumers = new List<(string Route, INatsJSConsumer Consumer)>();
            foreach (var route in routes)
            {
                var consumer = await EnsureConsumerAsync(route, stoppingToken);
                if (consumer is null)
                {
                    return;
                }

                consumers.Add((route, consumer));
            }

            LogStarted(_logger, _identity.Hostname, consumers.Count);
            _started.TrySetResult();
            var share = (int)Math.Ceiling(_maxJobs / (double)consumers.Count);
            await Task.WhenAll(consumers.Select(c => PullAsync(c.Route, c.Consumer, share, stoppingToken)));
            Task[] remaining;
            lock (_inFlight)
            {
                remaining = [.. _inFlight];
            }

            await Task.WhenAll(remaining);
        }
        finally
        {
            _drained.TrySetResult();
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // The host's shutdown token fires when the grace period is over: then running jobs are cancelled.
        using var abortOnTimeout = cancellationToken.Register(_abort.Cancel);
        await base.StopAsync(cancellationToken);

        // BackgroundService does not wait for the jobs ExecuteAsync still holds; wait here, and once the grace
        // period is over give the cancelled ones a moment to nak their notifications.
        try
        {
            await _drained.Task.WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            await _drained.Task.WaitAsync(TimeSpan.FromSeconds(2), CancellationToken.None).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    // The slot semaphore is not disposed: a job cancelled at the end of the grace period may still release its
    // slot after the host has disposed this service (it needs no disposal: its wait handle is never used).
    public override void Dispose()
    {
        _abort.Dispose();
        base.Dispose();
    }

    // An agent may start before NATS answers or before the stream exists: it waits, it does not die.
    private async Task<INatsJSConsumer?> EnsureConsumerAsync(string route, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                return await AgentConsumers.EnsureAsync(_buckets.JetStream, _buckets.Options, _identity, route, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogConsumersUnavailable(_logger, ex, _buckets.Options.Stream.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return null;
    }

    // Each fetch reserves its slots first, so the agent never holds a notification it has no free slot for. While a
    // route is idle its pull waits for one message holding one slot; once one comes, the backlog is taken without
    // waiting, up to the route's share of the slots free at that moment.
    private async Task PullAsync(string route, INatsJSConsumer consumer, int share, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await _slots.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            try
            {
                if (await FetchAsync(consumer, 1, wait: true, stoppingToken) == 0)
                {
                    continue;
                }

                int reserved;
                while ((reserved = ReserveFree(share)) > 0 && await FetchAsync(consumer, reserved, wait: false, stoppingToken) == reserved)
                {
                }
            }
            catch (OperationCanceledException) when (_abort.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                LogPullFailed(_logger, ex, consumer.Info.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
                consumer = await EnsureConsumerAsync(route, stoppingToken) ?? consumer;
            }
        }
    }

    // Takes up to `share` of the slots free right now, without waiting.
    private int ReserveFree(int share)
    {
        var reserved = 0;
        while (reserved < share && _slots.Wait(0, CancellationToken.None))
        {
            reserved++;
        }

        return reserved;
    }

    // Fetches up to `reserved` notifications (slots already taken) and starts each; the slots not used are given back.
    // With `wait`, waits up to PullExpiry for the first; without, takes only what is there now.
    private async Task<int> FetchAsync(INatsJSConsumer consumer, int reserved, bool wait, CancellationToken stoppingToken)
    {
        var started = 0;
        try
        {
            var messages = wait
                ? consumer.FetchAsync<string>(new NatsJSFetchOpts { MaxMsgs = reserved, Expires = PullExpiry }, cancellationToken: _abort.Token)
                : consumer.FetchNoWaitAsync<string>(new NatsJSFetchOpts { MaxMsgs = reserved }, cancellationToken: _abort.Token);
            await foreach (var msg in messages)
            {
                started++;
                if (stoppingToken.IsCancellationRequested)
                {
                    // Arrived after the stop began: hand it back for another agent at once.
                    await HandBackAsync(msg);
                    _slots.Release();
                    continue;
                }

                Start(msg);
            }
        }
        finally
        {
            if (reserved > started)
            {
                _slots.Release(reserved - started);
            }
        }

        return started;
    }

    private void Start(INatsJSMsg<string> msg)
    {
        var run = RunAsync(msg);
        lock (_inFlight)
        {
            _inFlight.Add(run);
        }

        _ = run.ContinueWith(t => { lock (_inFlight) { _inFlight.Remove(t); } }, TaskScheduler.Default);
    }

    private async Task HandBackAsync(INatsJSMsg<string> msg)
    {
        try
        {
            await msg.NakAsync(cancellationToken: CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogRunFailed(_logger, ex, msg.Subject);
        }
    }

    private async Task RunAsync(INatsJSMsg<string> msg)
    {
        Interlocked.Increment(ref _running);
        try
        {
            await _runner.RunAsync(msg, _abort.Token);
        }
        catch (Exception ex)
        {
            // Not acked: the server redelivers after ack_wait; the attempt's claim keeps it from running twice.
            LogRunFailed(_logger, ex, msg.Subject);
        }
        finally
        {
            Interlocked.Decrement(ref _running);
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Agent {Hostname} pulling from {Consumers} consumers")]
    private static partial void LogStarted(ILogger logger, string hostname, int consumers);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Cannot create the agent's consumers on stream {Stream} yet; retrying")]
    private static partial void LogConsumersUnavailable(ILogger logger, Exception exception, string stream);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Pulling from consumer {Consumer} failed; retrying")]
    private static partial void LogPullFailed(ILogger logger, Exception exception, string consumer);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job notification on {Subject} was not finished; it will be redelivered")]
    private static partial void LogRunFailed(ILogger logger, Exception exception, string subject);
}
