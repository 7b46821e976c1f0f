using HostOps.Faults.Tests.Cluster;
using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// Agent crash loop: 1,000 <c>_any</c> jobs over about 20 s while a random one of three agents is SIGKILLed every
/// 2 s and started again. Every accepted job must end completed, no (job, attempt) may run twice, and
/// <c>GET /job/status</c> must agree with a full listing.
/// </summary>
[Collection(FaultScenarios.Name)]
public sealed class AgentCrashLoopTests
{
    private const int Jobs = 1000;
    private static readonly TimeSpan SubmitOver = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan KillEvery = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_job_completes_once_while_agents_are_killed_every_two_seconds()
    {
        await using var cluster = new FaultCluster();
        await cluster.StartAsync(agents: 3);
        await Scenario.RunAsync("agent crash loop", cluster, async (figures, checks) =>
        {
            using var stop = new CancellationTokenSource();
            var kills = 0;
            var restarts = new Task?[4];
            var faults = Task.Run(async () =>
            {
                // Every 2 s one agent that is up is killed and started again in the background, so the cadence holds
                // however long a start takes on a loaded machine.
                var random = new Random(8);
                using var timer = new PeriodicTimer(KillEvery);
                while (await timer.WaitForNextTickAsync(stop.Token))
                {
                    var up = Enumerable.Range(1, 3).Where(n => restarts[n] is null or { IsCompleted: true }).ToList();
                    if (up.Count == 0)
                    {
                        continue;
                    }

                    var agent = up[random.Next(up.Count)];
                    await cluster.KillAgentAsync(agent);
                    kills++;
                    restarts[agent] = cluster.StartAgentAsync(agent);
                }
            });

            // 20-220 ms per job: at any kill some jobs are running, some fetched, some queued.
            var submissions = await Load.SubmitAsync(cluster.Api, Jobs, SubmitOver, i => 20 + (i % 5 * 50));
            await stop.CancelAsync();
            try
            {
                await faults;
            }
            catch (OperationCanceledException)
            {
            }

            await Task.WhenAll(restarts.OfType<Task>());
            var accepted = Load.Accepted(submissions);
            var drained = await JobsSnapshot.WaitForFinalAsync(cluster, accepted, Drain);
            var snapshot = await JobsSnapshot.ReadAsync(cluster);

            figures.Add("jobs", Jobs);
            figures.Add("accepted", accepted.Count);
            figures.Add("answers", Load.Answers(submissions));
            figures.Add("agent kills", kills);
            figures.Add("executions", snapshot.Executions);
            figures.Add("jobs with >1 attempt", accepted.Count(id => snapshot.ById.TryGetValue(id, out var j) && j.Attempts > 1));
            figures.Add("all final after last submit", drained is { } took ? $"{took.TotalSeconds:0.0} s" : $"not within {Drain.TotalSeconds:0} s");
            figures.Add("lost", checks.AllCompleted(accepted, snapshot.ById, snapshot.Records).Count);
            figures.Add("duplicated", checks.NoAttemptRanTwice(snapshot.Records));
            checks.That(accepted.Count == Jobs, () => $"only {accepted.Count} of {Jobs} submissions were accepted ({Load.Answers(submissions)})");
            checks.CountsMatchListing(snapshot.Stats, snapshot.Listed);
        });
    }
}
