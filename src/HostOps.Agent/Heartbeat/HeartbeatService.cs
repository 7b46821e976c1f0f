using System.Reflection;
using HostOps.Agent.Consuming;
using HostOps.Agent.Operations;
using HostOps.Contracts.Agents;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HostOps.Agent.Heartbeat;

/// <summary>
/// Keeps this agent's key in the registry alive (hostname, labels, version, started_at, running jobs). The first
/// beat waits until every consumer of the agent exists, so a broadcast accepted for a live agent always reaches it.
/// On shutdown it beats on while the worker drains its jobs, and removes the key only then, so the API neither
/// routes new broadcasts to a leaving agent nor mistakes its last jobs for abandoned ones.
/// </summary>
public sealed partial class HeartbeatService : BackgroundService
{
    private static readonly string Version =
        typeof(HeartbeatService).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    private readonly JobBuckets _buckets;
    private readonly AgentIdentity _identity;
    private readonly AgentWorker _worker;
    private readonly HeldAttempts _held;
    private readonly TimeProvider _time;
    private readonly ILogger<HeartbeatService> _logger;
    private readonly DateTimeOffset _startedAt;

    public HeartbeatService(
        JobBuckets buckets, AgentIdentity identity, AgentWorker worker, HeldAttempts held, TimeProvider time, ILogger<HeartbeatService> logger)
    {
        _held = held;
        _buckets = buckets;
        _identity = identity;
        _worker = worker;
        _time = time;
        _logger = logger;
        _startedAt = time.GetUtcNow();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(_buckets.Options.Registry.HeartbeatInterval.Value, _time);
        try
        {
            await _worker.Started.WaitAsync(stoppingToken);
            do
            {
                try
                {
                    await BeatAsync(stoppingToken);
                }
                catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
                {
                    LogBeatFailed(_logger, ex, _identity.Hostname);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await _worker.Drained.WaitAsync(cancellationToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        await base.StopAsync(cancellationToken);

        // Bounded: with NATS gone the key cannot be removed (it expires by TTL), and shutdown must not hang on it.
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        bounded.CancelAfter(TimeSpan.FromSeconds(2));
        try
        {
            var registry = await _buckets.RegistryAsync(bounded.Token);
            await registry.DeleteAsync(JobKeys.Agent(_identity.Hostname), cancellationToken: bounded.Token);
        }
        catch (Exception ex)
        {
            LogBeatFailed(_logger, ex, _identity.Hostname);
        }
    }

    private async Task BeatAsync(CancellationToken cancellationToken)
    {
        var registry = await _buckets.RegistryAsync(cancellationToken);
        // The time is taken before the list: an attempt claimed before it and still held is in the list.
        var now = _time.GetUtcNow();
        var held = _held.Snapshot();
        var beat = new AgentHeartbeat(_identity.Hostname, _identity.Labels, Version, _startedAt, now, held.Count, held);
        await registry.PutAsync(JobKeys.Agent(_identity.Hostname), beat, JobSerializers.Heartbeat, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Heartbeat of agent {Hostname} failed")]
    private static partial void LogBeatFailed(ILogger logger, Exception exception, string hostname);
}
