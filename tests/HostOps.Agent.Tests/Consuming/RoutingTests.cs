using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Client;
using HostOps.Testing.Nats;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

public sealed class RoutingTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("_any", 1)]
    [InlineData("_all", 3)]
    [InlineData("db1", 1)]
    [InlineData("group:web", 2)]
    [InlineData("group:web.dev", 2)]
    [InlineData("group:web.dev.east", 2)]
    [InlineData("group:db", 1)]
    public async Task Each_target_reaches_exactly_the_agents_it_names(string target, int expectedRuns)
    {
        await using var fleet = await StartFleetAsync();

        var job = await RunAsync(fleet, target);

        job.Status.ShouldBe(JobStatus.Completed);
        fleet.Journal.Runs.Count.ShouldBe(expectedRuns);
        fleet.Journal.Runs.Distinct().Count().ShouldBe(expectedRuns);
        job.Responses.Count.ShouldBe(expectedRuns);
        var expectedHosts = target switch
        {
            "db1" or "group:db" => ["db1"],
            "_any" => fleet.Journal.Runs.ToArray(),
            "_all" => ["db1", "web1", "web2"],
            _ => new[] { "web1", "web2" },
        };
        job.Responses.Keys.Order().ShouldBe(expectedHosts.Order());
    }

    [Fact]
    public async Task A_single_target_job_carries_its_result()
    {
        await using var fleet = await StartFleetAsync();

        var job = await RunAsync(fleet, "web2");

        job.Hostname.ShouldBe("web2");
        job.Result.ShouldNotBeNull();
        job.Result.Value.GetProperty("hostname").GetString().ShouldBe("web2");
        job.WorkerStates["web2"].Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public async Task A_label_nobody_has_is_refused_and_runs_nowhere()
    {
        await using var fleet = await StartFleetAsync();

        await Should.ThrowAsync<JobRequestException>(() =>
            fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "group:cache", Ct));

        await Task.Delay(300, Ct);
        fleet.Journal.Runs.ShouldBeEmpty();
        (await fleet.System.Client.GetStatsAsync(Ct)).TotalJobs.ShouldBe(0);
    }

    private async Task<AgentFleet> StartFleetAsync()
    {
        var fleet = await AgentFleet.StartAsync(nats.Url);
        await fleet.AddAgentAsync("web1", new Dictionary<string, string> { ["group"] = "web.dev.east" });
        await fleet.AddAgentAsync("web2", new Dictionary<string, string> { ["group"] = "web.dev.east" });
        await fleet.AddAgentAsync("db1", new Dictionary<string, string> { ["group"] = "db" });
        return fleet;
    }

    private static async Task<JobDetail> RunAsync(AgentFleet fleet, string target)
    {
        var submitted = await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), target, Ct);
        var job = await fleet.System.Client.WaitForCompletionAsync(submitted.JobId, TimeSpan.FromSeconds(15), Ct);
        job.ShouldNotBeNull($"job for {target} did not finish");

        // Give a wrongly routed duplicate the chance to show up before counting runs.
        await Task.Delay(300, Ct);
        return job;
    }
}
