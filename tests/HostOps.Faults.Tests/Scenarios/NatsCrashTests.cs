using System.Diagnostics;
using HostOps.Faults.Tests.Cluster;
using Xunit;

namespace HostOps.Faults.Tests.Scenarios;

/// <summary>
/// NATS crash: 1,000 jobs over about 15 s; 5 s in, the managed nats-server is SIGKILLed and
/// <c>hostops nats server start</c> must start it again on the same store. Every job the API answered 201 for must
/// end completed, and the API must report <c>/health/status</c> 200 <c>ok</c> within 10 s of the restart.
/// </summary>
[Collection(FaultScenarios.Name)]
public sealed class NatsCrashTests
{
    private const int Jobs = 1000;
    private static readonly TimeSpan SubmitOver = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan KillAfter = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan RestartWithin = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan HealthyWithin = TimeSpan.FromSeconds(10);
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Every_accepted_job_completes_and_the_api_recovers_after_nats_server_is_killed()
    {
        await using var cluster = new FaultCluster();
        await cluster.StartAsync(agents: 3);
        await Scenario.RunAsync("NATS crash", cluster, async (figures, checks) =>
        {
            var killed = cluster.NatsServerPids().Single();
            var load = Load.SubmitAsync(cluster.Api, Jobs, SubmitOver, i => 20 + (i % 5 * 25));

            await Task.Delay(KillAfter); // the fault's moment in the run, not a wait for a condition
            using (var server = Process.GetProcessById(killed))
            {
                server.Kill();
                await server.WaitForExitAsync();
            }

            var restarted = await Wait.TryUntilAsync(
                async () => cluster.NatsServerPids().Any(pid => pid != killed) && await JobStoreInspector.AnswersAsync(cluster),
                RestartWithin);
            figures.Add("nats-server back after", restarted is { } r ? $"{r.TotalSeconds:0.0} s" : $"not within {RestartWithin.TotalSeconds:0} s");
            if (restarted is null)
            {
                await load;
                checks.That(false, () =>
                    $"the managed nats-server (pid {killed}) was not started again within {RestartWithin.TotalSeconds:0} s; " +
                    $"hostops nats server start {(cluster.NatsProcess.HasExited ? "exited" : "is still running")}");
                return;
            }

            var healthy = await Wait.TryUntilAsync(
                async () => await cluster.Api.HealthStatusAsync() is { Code: 200, Status: "ok" },
                HealthyWithin + TimeSpan.FromSeconds(20));
            figures.Add("API 200 ok after restart", healthy is { } h ? $"{h.TotalSeconds:0.0} s" : "not within 30 s");
            var lastHealth = healthy is null ? await LastHealthAsync(cluster) : null;
            checks.That(healthy is { } took && took <= HealthyWithin, () =>
                $"GET /health/status was not 200 ok within {HealthyWithin.TotalSeconds:0} s of the restart " +
                $"({(healthy is { } t ? $"{t.TotalSeconds:0.0} s" : $"not within 30 s; last answer: {lastHealth}")})");

            var submissions = await load;
            var accepted = Load.Accepted(submissions);
            var drained = await JobsSnapshot.WaitForFinalAsync(cluster, accepted, Drain);
            var snapshot = await JobsSnapshot.ReadAsync(cluster);

            figures.Add("jobs", Jobs);
            figures.Add("accepted (201)", accepted.Count);
            figures.Add("answers", Load.Answers(submissions));
            figures.Add("stored without a 201", snapshot.Listed.Count(j => !accepted.Contains(j.Id)));
            figures.Add("executions", snapshot.Executions);
            figures.Add("all final after last submit", drained is { } d ? $"{d.TotalSeconds:0.0} s" : $"not within {Drain.TotalSeconds:0} s");
            figures.Add("lost", checks.AllCompleted(accepted, snapshot.ById, snapshot.Records).Count);
            figures.Add("duplicated", checks.NoAttemptRanTwice(snapshot.Records));
            checks.That(accepted.Count > Jobs / 2, () => $"only {accepted.Count} of {Jobs} submissions were accepted ({Load.Answers(submissions)})");
        });
    }

    private static async Task<string> LastHealthAsync(FaultCluster cluster)
    {
        try
        {
            return (await cluster.Api.HealthStatusAsync()).Body;
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or System.Text.Json.JsonException)
        {
            return e.Message;
        }
    }
}
