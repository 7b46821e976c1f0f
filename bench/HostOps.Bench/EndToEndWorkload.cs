using System.Diagnostics;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Index;
using HostOps.Testing.Agents;
using HostOps.Testing.Jobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace HostOps.Bench;

/// <summary>
/// The end-to-end job workload: the API side (<see cref="TestJobSystem"/>) submits <c>system.hostname.get</c> on
/// <c>_any</c> through <c>JobClient</c>, one agent with <c>max_jobs: 64</c> runs the real handler, and completion is
/// observed by the API side's job index. Started once and warmed up until the runtime stops compiling, so several measurements can alternate with
/// another workload's on the same running systems.
/// </summary>
internal sealed class EndToEndWorkload : IAsyncDisposable
{
    public const string AgentHostname = "bench-agent";
    private const int WarmUpJobs = 2000;
    private static readonly TimeSpan JobTimeout = TimeSpan.FromMinutes(2);
    private static readonly JobOperation Hostname = new(OperationTypes.HostnameGet);
    private readonly TestJobSystem _system;
    private readonly TestAgent _agent;
    private readonly JobIndex _index;

    private EndToEndWorkload(TestJobSystem system, TestAgent agent)
    {
        _system = system;
        _agent = agent;
        _index = system.Services.GetRequiredService<JobIndex>();
    }

    /// <summary>Starts (and provisions) the API side with <paramref name="api"/>, the agent with <paramref name="agent"/>, then runs 200 jobs one by one.</summary>
    public static async Task<EndToEndWorkload> StartAsync(IConfiguration api, IConfiguration agent)
    {
        var system = await TestJobSystem.StartAsync(api["nats:url"]!, api);
        TestAgent agentHost;
        try
        {
            agentHost = await TestAgent.StartAsync(agent, AgentHostname, maxJobs: 64);
        }
        catch
        {
            await system.DisposeAsync();
            throw;
        }

        var workload = new EndToEndWorkload(system, agentHost);
        for (var i = 0; i < 200; i++)
        {
            await workload.RunOneAsync();
        }

        await Measure.WarmUpAsync(() => workload.ThroughputAsync(WarmUpJobs, 256), TimeSpan.FromSeconds(60));
        return workload;
    }

    /// <summary>Jobs/s of <paramref name="jobs"/> jobs with <paramref name="concurrency"/> in flight; throws unless every one completed.</summary>
    public async Task<double> ThroughputAsync(int jobs, int concurrency)
    {
        var ids = new Guid[jobs];
        var clock = Stopwatch.StartNew();
        await Measure.ThroughputAsync(jobs, concurrency, async i => ids[i] = await RunOneAsync());
        var jobsPerSecond = jobs / clock.Elapsed.TotalSeconds;
        var failed = ids.Count(id => _index.Find(id)?.View.Status != JobStatus.Completed);
        return failed == 0 ? jobsPerSecond : throw new InvalidOperationException($"{failed} bench jobs did not complete");
    }

    /// <summary>Submit-to-completed latencies (ms, sorted) of jobs submitted at <paramref name="rate"/> per second for <paramref name="duration"/>.</summary>
    public async Task<List<double>> PacedLatenciesAsync(int rate, TimeSpan duration)
    {
        var total = (int)(rate * duration.TotalSeconds);
        var interval = TimeSpan.FromSeconds(1.0 / rate);
        var latencies = new double[total];
        var running = new List<Task>(total);
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var wait = interval * i - clock.Elapsed;
            if (wait > TimeSpan.FromMilliseconds(1))
            {
                await Task.Delay(wait);
            }

            var n = i;
            running.Add(Task.Run(async () =>
            {
                var start = Stopwatch.GetTimestamp();
                await RunOneAsync();
                latencies[n] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }));
        }

        await Task.WhenAll(running);
        return [.. latencies.Order()];
    }

    // A job not done within JobTimeout means the set-up broke (a nats-server gone, a stuck job): fail the run, saying
    // what the index and the bucket know of the job, rather than hang.
    private async Task<Guid> RunOneAsync()
    {
        using var timeout = new CancellationTokenSource(JobTimeout);
        Guid? id = null;
        try
        {
            id = (await _system.Client.SubmitAsync(Hostname, null, timeout.Token)).JobId;
            await _index.WhenTerminalAsync(id.Value, JobTimeout, timeout.Token);
            return id.Value;
        }
        catch (Exception e) when (e is OperationCanceledException or TimeoutException)
        {
            throw new TimeoutException(
                $"a bench job was not submitted and finished within {JobTimeout.TotalSeconds:N0} s ({await DescribeAsync(id)}); is every nats-server of the run still up?", e);
        }
    }

    private async Task<string> DescribeAsync(Guid? id)
    {
        if (id is not { } known)
        {
            return "its submit did not return";
        }

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var indexed = _index.Find(known)?.View.Status ?? "absent";
        try
        {
            var stored = await _system.Client.GetAsync(known, timeout.Token);
            var workers = stored is null ? "" : string.Join(", ", stored.WorkerStates.Select(w => $"{w.Key}: {w.Value}"));
            return $"job {known}: index {indexed}; bucket {stored?.Status ?? "absent"}, attempts {stored?.Attempts}, workers [{workers}]";
        }
        catch (Exception e) when (e is OperationCanceledException or NATS.Client.Core.NatsException)
        {
            return $"job {known}: index {indexed}; bucket unreadable ({e.Message})";
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _agent.DisposeAsync();
        await _system.DisposeAsync();
    }
}
