using HostOps.Contracts.Jobs;
using HostOps.Jobs.Events;
using HostOps.Jobs.Store;
using HostOps.Jobs.Telemetry;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NATS.Client.KeyValueStore;

namespace HostOps.Jobs.Index;

/// <summary>
/// The incremental view of the job bucket that listings and statistics are answered from. It is fed by a KV
/// watch of every key: on start the watch replays the latest value of each key (the rebuild), then streams
/// every put and delete, so counts stay exact across restarts, deletes and retries without any request ever
/// listing keys. Reads that must be exact first wait until the view has applied the bucket's last revision.
/// Each job is held as a compact <see cref="IndexedJob"/> (a few hundred bytes at most; see docs/benchmarks.md).
/// </summary>
public sealed partial class JobIndex : BackgroundService
{
    private readonly JobBuckets _buckets;
    private readonly ILogger<JobIndex> _logger;
    private readonly Lock _gate = new();
    private readonly Dictionary<Guid, IndexedJob> _jobs = [];
    private readonly OrderedJobs _all = new();
    private readonly Dictionary<string, OrderedJobs> _byStatus = JobStatus.All.ToDictionary(s => s, _ => new OrderedJobs());
    private readonly Dictionary<string, int> _operationCounts = new(StringComparer.Ordinal);
    private readonly StringPool _strings = new();
    private readonly List<(ulong Revision, TaskCompletionSource Done)> _revisionWaiters = [];
    private readonly Dictionary<Guid, List<TaskCompletionSource<IndexedJob?>>> _terminalWaiters = [];
    private ulong _revision;

    private readonly TimeProvider _time;
    private readonly JobEventFeed _feed;
    private readonly JobMetrics? _metrics;
    private readonly long _startedTicks;

    public JobIndex(JobBuckets buckets, TimeProvider time, JobEventFeed feed, ILogger<JobIndex> logger, JobMetrics? metrics = null)
    {
        _buckets = buckets;
        _feed = feed;
        _time = time;
        _logger = logger;
        _metrics = metrics;
        _startedTicks = time.GetUtcNow().UtcTicks;
    }

    /// <summary>The last bucket revision the view has applied.</summary>
    public ulong Revision
    {
        get
        {
            lock (_gate)
            {
                return _revision;
            }
        }
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var sweeping = SweepExpiredAsync(stoppingToken);
        await WatchAsync(stoppingToken);
        await sweeping;
    }

    private async Task WatchAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var store = await _buckets.JobsAsync(stoppingToken);
                var options = new NatsKVWatchOpts { ResumeAtRevision = Revision == 0 ? 0 : Revision + 1, IdleHeartbeat = JobBuckets.WatchHeartbeat };
                await foreach (var entry in store.WatchAsync<byte[]>(">", opts: options, cancellationToken: stoppingToken))
                {
                    Apply(entry);
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

    /// <summary>Waits until the view has applied <paramref name="revision"/>; false if the timeout passes first.</summary>
    public async Task<bool> WaitForRevisionAsync(ulong revision, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource done;
        lock (_gate)
        {
            if (_revision >= revision)
            {
                return true;
            }

            done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _revisionWaiters.Add((revision, done));
        }

        try
        {
            await done.Task.WaitAsync(timeout, cancellationToken);
            return true;
        }
        catch (TimeoutException)
        {
            return false;
        }
        finally
        {
            if (!done.Task.IsCompleted)
            {
                lock (_gate)
                {
                    _revisionWaiters.RemoveAll(w => w.Done == done);
                }
            }
        }
    }

    /// <summary>Waits on revisions that were not reached yet; each leaves when reached, timed out or cancelled.</summary>
    internal int RevisionWaiterCount
    {
        get
        {
            lock (_gate)
            {
                return _revisionWaiters.Count;
            }
        }
    }

    /// <summary>
    /// The job once it reaches a terminal status (null if it is deleted first); a <see cref="TimeoutException"/>
    /// if <paramref name="timeout"/> passes, after which nothing of the wait is left behind.
    /// </summary>
    public async Task<IndexedJob?> WhenTerminalAsync(Guid id, TimeSpan timeout, CancellationToken cancellationToken)
    {
        TaskCompletionSource<IndexedJob?> waiter;
        lock (_gate)
        {
            if (_jobs.TryGetValue(id, out var job) && JobStatus.IsTerminal(job.View.Status))
            {
                return job;
            }

            waiter = new TaskCompletionSource<IndexedJob?>(TaskCreationOptions.RunContinuationsAsynchronously);
            if (!_terminalWaiters.TryGetValue(id, out var list))
            {
                _terminalWaiters[id] = list = [];
            }

            list.Add(waiter);
        }

        try
        {
            return await waiter.Task.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            lock (_gate)
            {
                if (_terminalWaiters.TryGetValue(id, out var list) && list.Remove(waiter) && list.Count == 0)
                {
                    _terminalWaiters.Remove(id);
                }
            }
        }
    }

    public IndexedJob? Find(Guid id)
    {
        lock (_gate)
        {
            return _jobs.GetValueOrDefault(id);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Job bucket watch failed; resuming")]
    private static partial void LogWatchFailed(ILogger logger, Exception exception);
}
