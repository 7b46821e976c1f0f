using System.Text.Json;
using HostOps.Contracts.Agents;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Jobs.Status;
using HostOps.Jobs.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Agents;

/// <summary>
/// The live agents, from a watch of the registry bucket. A key that stopped being refreshed counts as gone once
/// its heartbeat is older than the registry TTL, even before the server expires it (nats-server 2.9 sends no
/// marker when a KV entry ages out).
/// </summary>
public sealed partial class AgentDirectory : BackgroundService
{
    private readonly JobBuckets _buckets;
    private readonly TimeProvider _time;
    private readonly ILogger<AgentDirectory> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<string, AgentHeartbeat> _agents = new(StringComparer.Ordinal);
    private readonly TaskCompletionSource _loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public AgentDirectory(JobBuckets buckets, TimeProvider time, ILogger<AgentDirectory> logger)
    {
        _buckets = buckets;
        _time = time;
        _logger = logger;
    }

    /// <summary>Agents whose heartbeat is younger than the registry TTL, once the first replay of the bucket is in.</summary>
    public async Task<IReadOnlyList<AgentHeartbeat>> LiveAsync(CancellationToken cancellationToken)
    {
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var oldest = _time.GetUtcNow() - _buckets.Options.Registry.Ttl.Value;
        lock (_gate)
        {
            return _agents.Values.Where(a => a.LastSeen >= oldest).OrderBy(a => a.Hostname, StringComparer.Ordinal).ToList();
        }
    }

    /// <summary>How many agents are live now, as far as the watch has seen (no wait; for the live-agents gauge).</summary>
    public int LiveCount()
    {
        var oldest = _time.GetUtcNow() - _buckets.Options.Registry.Ttl.Value;
        lock (_gate)
        {
            return _agents.Values.Count(a => a.LastSeen >= oldest);
        }
    }

    /// <summary>
    /// Hosts that hold the job's latest attempt (processing) and are still running it: their agent's heartbeat is
    /// alive (seen within the registry TTL plus <c>ack_wait</c>, and its key not removed), that agent instance started
    /// before it claimed the attempt, and its heartbeats since the claim list the attempt. A holder whose agent went
    /// silent, stopped, restarted since (same hostname, later <c>started_at</c>) or lost track of the attempt has
    /// abandoned it.
    /// </summary>
    public async Task<IReadOnlyList<string>> HoldersAliveAsync(Guid id, JobStatusView view, CancellationToken cancellationToken)
    {
        var holders = view.Hosts.Values.Where(h => h.Status == JobStatus.Processing).ToList();
        if (holders.Count == 0)
        {
            return [];
        }

        // A silent agent is given ack_wait beyond the registry TTL before its attempts count as abandoned: a heartbeat
        // that is merely late (a loaded host) must not start a second run of an attempt still running.
        await _loaded.Task.WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
        var silentFor = _buckets.Options.Registry.Ttl.Value + _buckets.Options.Consumer.AckWait.Value;
        var oldest = _time.GetUtcNow() - silentFor;
        Dictionary<string, AgentHeartbeat> live;
        lock (_gate)
        {
            live = _agents.Values.Where(a => a.LastSeen >= oldest).ToDictionary(a => a.Hostname, StringComparer.OrdinalIgnoreCase);
        }

        return holders
            .Where(h => live.TryGetValue(h.Hostname, out var agent) && agent.StartedAt <= h.Updated && Holds(agent, id, view.Attempt, h.Updated))
            .Select(h => h.Hostname)
            .ToList();
    }

    private static bool Holds(AgentHeartbeat agent, Guid id, int attempt, DateTimeOffset claimed) =>
        agent.LastSeen <= claimed || agent.HeldAttempts is null || agent.HeldAttempts.Contains($"{id:D}/{attempt}", StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var store = await _buckets.RegistryAsync(stoppingToken);
                var options = new NatsKVWatchOpts
                {
                    IdleHeartbeat = JobBuckets.WatchHeartbeat,
                    OnNoData = _ =>
                    {
                        _loaded.TrySetResult();
                        return ValueTask.FromResult(false);
                    },
                };
                await foreach (var entry in store.WatchAsync<byte[]>(">", opts: options, cancellationToken: stoppingToken))
                {
                    Apply(entry);
                    if (entry.Delta == 0)
                    {
                        _loaded.TrySetResult();
                    }
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogWatchFailed(_logger, ex);
                await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
            }
        }
    }

    private void Apply(NatsKVEntry<byte[]> entry)
    {
        lock (_gate)
        {
            if (entry.Operation != NatsKVOperation.Put || entry.Value is null)
            {
                _agents.Remove(entry.Key);
                return;
            }

            try
            {
                var heartbeat = JsonSerializer.Deserialize(entry.Value, HostOpsJsonContext.Default.AgentHeartbeat);
                if (heartbeat is not null)
                {
                    _agents[entry.Key] = heartbeat;
                }
            }
            catch (JsonException)
            {
                _agents.Remove(entry.Key);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Agent registry watch failed; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
