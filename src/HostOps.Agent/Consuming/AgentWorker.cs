using HostOps.Agent.Operations;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.JetStream;

namespace HostOps.Agent.Consuming;

/// <summary>
/// Pulls from the agent's consumers and runs up to <c>job.worker.max_jobs</c> jobs at once. On shutdown it stops
/// pulling, lets running jobs finish within the host's shutdown timeout, and cancels the rest — a cancelled job
/// is never acked, so the server redelivers it to another agent.
/// </summary>
public sealed partial class AgentWorker : BackgroundService
{
    private readonly JobBuckets _buckets;
    private readonly JobRunner _runner;
    private readonly AgentIdentity _identity;
    private readonly ILogger<AgentWorker> _logger;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _abort = new();
    private int _running;

    public AgentWorker(JobBuckets buckets, JobRunner runner, AgentIdentity identity, ILogger<AgentWorker> logger)
    {
        _buckets = buckets;
        _runner = runner;
        _identity = identity;
        _logger = logger;
        _slots = new SemaphoreSlim(Math.Max(1, buckets.Options.Worker.MaxJobs));
    }

    /// <summary>Jobs running right now (reported in the heartbeat).</summary>
    public int Running => Volatile.Read(ref _running);

    /// <summary>Completes once the agent's consumers exist and it is pulling.</summary>
    public Task Started => _started.Task;

    private readonly TaskCompletionSource _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly TaskCompletionSource _drained = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var consumers = await EnsureConsumersAsync(stoppingToken);
        if (consumers is null)
        {
            _drained.TrySetResult();
            return;
        }

        LogStarted(_logger, _identity.Hostname, consumers.Count);
        _started.TrySetResult();
        var inFlight = new List<Task>();
        await Task.WhenAll(consumers.Select(c => PullAsync(c, inFlight, stoppingToken)));
        Task[] remaining;
        lock (inFlight)
        {
            remaining = [.. inFlight];
        }

        await Task.WhenAll(remaining);
        _drained.TrySetResult();
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

    public override void Dispose()
    {
        _abort.Dispose();
        _slots.Dispose();
        base.Dispose();
    }

    // An agent may start before NATS answers or before the API has provisioned the stream: it waits, it does not die.
    private async Task<IReadOnlyList<INatsJSConsumer>?> EnsureConsumersAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                return await AgentConsumers.EnsureAsync(_buckets.JetStream, _buckets.Options, _identity, stoppingToken);
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                LogConsumersUnavailable(_logger, ex, _buckets.Options.Stream.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }

        return null;
    }

    private async Task PullAsync(INatsJSConsumer consumer, List<Task> inFlight, CancellationToken stoppingToken)
    {
        var opts = new NatsJSConsumeOpts { MaxMsgs = Math.Max(1, _buckets.Options.Worker.MaxJobs * 2) };
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await foreach (var msg in consumer.ConsumeAsync<string>(opts: opts, cancellationToken: stoppingToken))
                {
                    await _slots.WaitAsync(stoppingToken);
                    var run = RunAsync(msg);
                    lock (inFlight)
                    {
                        inFlight.Add(run);
                    }

                    _ = run.ContinueWith(t => { lock (inFlight) { inFlight.Remove(t); } }, TaskScheduler.Default);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogPullFailed(_logger, ex, consumer.Info.Name);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
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
            // Not acked: the server redelivers after ack_wait, to this agent or another.
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
