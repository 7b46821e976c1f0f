using System.Diagnostics;
using HostOps.Faults.Tests.Cluster;
using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// Idle restart: with a job bucket TTL of 2 s, a few jobs run and age out; the API is then restarted on the
/// idle, expired bucket. Once it listens it must report <c>/health/status</c> 200 <c>ok</c> within 3 s and answer
/// <c>/job/status</c> at once (within 1 s).
/// </summary>
[Collection(FaultScenarios.Name)]
public sealed class IdleRestartTests
{
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(3);
    private static readonly TimeSpan StatsWithin = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_restarted_api_on_an_expired_bucket_is_healthy_at_once()
    {
        await using var cluster = new FaultCluster(new Dictionary<string, string> { ["HOSTOPS_JOB__KV__TTL"] = "2s" });
        await cluster.StartAsync(agents: 1);
        await Scenario.RunAsync("idle restart", cluster, async (figures, checks) =>
        {
            var accepted = Load.Accepted(await Load.SubmitAsync(cluster.Api, 5, TimeSpan.Zero, _ => 0));
            checks.That(await JobsSnapshot.WaitForFinalAsync(cluster, accepted, TimeSpan.FromSeconds(20)) is not null, () => "the jobs did not finish");
            var expired = await Wait.UntilAsync(
                async () => (await JobStoreInspector.KeysAsync(cluster, JobStoreInspector.JobBucket)).Count == 0,
                TimeSpan.FromSeconds(30),
                () => "the job bucket's keys did not age out");

            await cluster.StopApiAsync();
            var restart = Stopwatch.StartNew();
            await cluster.StartApiAsync();
            var listening = restart.Elapsed;
            var healthy = await Wait.TryUntilAsync(async () => await cluster.Api.HealthStatusAsync() is { Code: 200, Status: "ok" }, TimeSpan.FromSeconds(15));
            var lastHealth = healthy is null ? (await cluster.Api.HealthStatusAsync()).Body : "";
            var stats = Stopwatch.StartNew();
            var counts = await cluster.Api.StatsAsync();
            var statsTook = stats.Elapsed;

            figures.Add("jobs", accepted.Count);
            figures.Add("bucket empty after", expired);
            figures.Add("API listening after", listening);
            figures.Add("/health/status 200 ok after listening", healthy is { } h ? $"{h.TotalSeconds:0.0} s" : "not within 15 s");
            figures.Add("/job/status took", $"{statsTook.TotalMilliseconds:0} ms");
            checks.That(healthy is { } took && took <= HealthyWithin, () =>
                $"GET /health/status was not 200 ok within {HealthyWithin.TotalSeconds:0} s of the API listening " +
                $"({(healthy is { } t ? $"{t.TotalSeconds:0.0} s" : $"not within 15 s; last answer: {lastHealth}")})");
            checks.That(statsTook <= StatsWithin, () => $"GET /job/status took {statsTook.TotalMilliseconds:0} ms (more than {StatsWithin.TotalMilliseconds:0} ms)");
            checks.That(counts.Total == 0, () => $"GET /job/status counts expired jobs: {counts}");
        });
    }
}
