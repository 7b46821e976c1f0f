using HostOps.Faults.Tests.Cluster;
using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// Retry of abandoned jobs: 20 jobs of 10 s all running on agent-1 (the only agent when they were submitted);
/// agents 2 and 3 join, then agent-1 is SIGKILLed mid-run. Nobody calls retry: every job must still end completed,
/// with exactly one finished run each, and no dead letter.
/// </summary>
[Collection(FaultScenarios.Name)]
public sealed class AbandonedRetryTests
{
    private const int Jobs = 20;
    private const int SleepMs = 10_000;
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(45);

    // ack_wait (2 s) + registry ttl (3 s), plus room for a sweep interval and a loaded 2-core machine.
    private static readonly TimeSpan RerunWithin = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Jobs_running_on_a_killed_agent_are_retried_automatically_and_complete_once()
    {
        // max_jobs 60: an agent splits its slots among its three consumers' pulls, so the _any share holds all 20.
        await using var cluster = new FaultCluster(new Dictionary<string, string> { ["HOSTOPS_JOB__WORKER__MAX_JOBS"] = "60" });
        await cluster.StartNatsAsync();
        await Task.WhenAll(cluster.StartApiAsync(), cluster.StartAgentAsync(1));
        await cluster.WaitForWorkersAsync([FaultCluster.AgentName(1)]);
        await Scenario.RunAsync("retry of abandoned", cluster, async (figures, checks) =>
        {
            var submissions = await Load.SubmitAsync(cluster.Api, Jobs, TimeSpan.Zero, _ => SleepMs);
            var accepted = Load.Accepted(submissions);
            var states = Array.Empty<JobState?>();
            await Wait.UntilAsync(
                async () =>
                {
                    states = await Task.WhenAll(accepted.Select(cluster.Api.GetAsync));
                    return states.All(j => j is { Status: "processing", Hostname: "agent-1" });
                },
                TimeSpan.FromSeconds(15),
                () => $"the jobs were not all processing on agent-1:\n  {string.Join("\n  ", states.Select(j => j?.ToString() ?? "missing"))}");
            await Task.WhenAll(cluster.StartAgentAsync(2), cluster.StartAgentAsync(3));
            await cluster.WaitForWorkersAsync([FaultCluster.AgentName(2), FaultCluster.AgentName(3)]);
            var finishedEarly = ExecutionRecords.Read(cluster.RecordDirectory).All.Count;
            checks.That(finishedEarly == 0, () => $"{finishedEarly} jobs finished on agent-1 before it was killed: the scenario needs longer jobs");

            var killedAt = DateTimeOffset.UtcNow;
            await cluster.KillAgentAsync(1);
            var drained = await JobsSnapshot.WaitForFinalAsync(cluster, accepted, Drain);
            var snapshot = await JobsSnapshot.ReadAsync(cluster);
            var deadLetters = await JobStoreInspector.DeadLettersAsync(cluster);

            figures.Add("jobs", Jobs);
            figures.Add("executions", snapshot.Executions);
            figures.Add("attempts", string.Join(", ", accepted.GroupBy(id => snapshot.ById.TryGetValue(id, out var j) ? j.Attempts : 0)
                .OrderBy(g => g.Key).Select(g => $"{g.Count()} jobs with {g.Key}")));
            figures.Add("all completed after the kill", drained is { } d ? $"{d.TotalSeconds:0.0} s" : $"not within {Drain.TotalSeconds:0} s");
            var rerunStarts = snapshot.Records.All.Select(e => e.At - TimeSpan.FromMilliseconds(SleepMs) - killedAt).ToList();
            var lastRerun = rerunStarts.Count == 0 ? (TimeSpan?)null : rerunStarts.Max();
            figures.Add("last re-run began after the kill", lastRerun is { } l ? $"{l.TotalSeconds:0.0} s" : "none");
            figures.Add("dead letters", deadLetters);
            figures.Add("lost", checks.AllCompleted(accepted, snapshot.ById, snapshot.Records).Count);
            figures.Add("duplicated", checks.NoAttemptRanTwice(snapshot.Records));

            var notOnce = accepted.Where(id => snapshot.Records.ByJob[id].Count() != 1).ToList();
            checks.That(notOnce.Count == 0, () =>
                $"{notOnce.Count} jobs did not finish exactly one run:\n" + string.Join("\n", notOnce.Take(15).Select(id =>
                    $"  {id}: {snapshot.Records.ByJob[id].Count()} runs ({string.Join("; ", snapshot.Records.ByJob[id])})")));
            checks.That(deadLetters == 0, () => $"{deadLetters} dead letters");
            checks.That(lastRerun is null || lastRerun <= RerunWithin, () =>
                $"a job began its re-run {lastRerun?.TotalSeconds:0.0} s after the kill; ack_wait + registry ttl is 5 s (allowed {RerunWithin.TotalSeconds:0} s)");
        });
    }
}
