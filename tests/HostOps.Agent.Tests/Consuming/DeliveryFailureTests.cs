using System.Text.Json;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Json;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Client;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.Core;
using NATS.Client.JetStream.Models;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

public sealed class DeliveryFailureTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_whose_agent_dies_after_starting_is_retried_as_a_new_attempt_and_runs_once_per_attempt()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "doomed";
        var doomed = await fleet.AddAgentAsync("doomed");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await WaitForStatusAsync(fleet, id, JobStatus.Processing);

        await fleet.AddAgentAsync("survivor");
        await doomed.CrashAsync();

        // The server redelivers attempt 1 to the survivor after ack_wait, which must not run it again; once the
        // doomed agent's heartbeat is gone the sweep starts attempt 2, which the survivor runs.
        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Completed);
        job.Hostname.ShouldBe("survivor");
        job.Attempts.ShouldBe(2);
        fleet.Journal.Runs.ShouldBe(["doomed", "survivor"]);
        var stats = await fleet.System.Client.GetStatsAsync(Ct);
        stats.TotalJobs.ShouldBe(1);
        stats.StatusCounts[JobStatus.Completed].ShouldBe(1);
        stats.StatusCounts[JobStatus.Processing].ShouldBe(0);
    }

    [Fact]
    public async Task A_job_held_by_a_vanished_agent_shows_it_and_moves_to_a_new_attempt_by_itself()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "doomed";
        var doomed = await fleet.AddAgentAsync("doomed");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "doomed", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await WaitForStatusAsync(fleet, id, JobStatus.Processing);
        (await fleet.System.Client.RetryAsync(id, Ct)).Result.ShouldBe(RetryResult.Conflict);

        await doomed.CrashAsync();

        // Attempt 2 waits for an agent on host doomed; attempt 1 is history.
        var job = await Eventually.GetAsync(() => fleet.System.Client.GetAsync(id, Ct), j => j?.Attempts == 2, TimeSpan.FromSeconds(15), "attempt 2");
        job!.Status.ShouldBe(JobStatus.Unprocessed);
        fleet.Journal.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task An_agent_stopping_hands_back_the_job_it_holds_and_leaves_the_registry()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "leaving";
        var leaving = await fleet.AddAgentAsync("leaving");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await WaitForStatusAsync(fleet, id, JobStatus.Processing);
        await fleet.AddAgentAsync("staying");

        await leaving.StopAsync();

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        job.Hostname.ShouldBe("staying");
        (await fleet.System.Client.GetWorkersAsync(Ct)).Workers.Select(w => w.Hostname).ShouldBe(["staying"]);
    }

    [Fact]
    public async Task A_running_job_whose_keep_alives_cannot_reach_nats_is_neither_failed_nor_rerun()
    {
        var server = await NatsServerProcess.StartAsync(cancellationToken: Ct);
        try
        {
            // Stored on disk, as in production, so the restarted server still has the job and its notification.
            var onDisk = new Dictionary<string, string?>
            {
                ["job:stream:storage"] = "file",
                ["job:kv:storage"] = "file",
                ["job:registry:storage"] = "file",
                ["job:dlq:storage"] = "file",
            };
            await using var fleet = await AgentFleet.StartAsync(server.Url, onDisk);
            fleet.Journal.BlockOn = "keeper";
            var keeper = await fleet.AddAgentAsync("keeper");
            var connection = keeper.Services.GetRequiredService<INatsConnection>();
            var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
            await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
            await WaitForStatusAsync(fleet, id, JobStatus.Processing);

            // Down for longer than ack_wait, so the server's deadline for the attempt passes without a keep-alive.
            await server.KillAsync();
            await Eventually.TrueAsync(() => Task.FromResult(connection.ConnectionState != NatsConnectionState.Open), TimeSpan.FromSeconds(10));
            var down = System.Diagnostics.Stopwatch.StartNew();
            await Eventually.TrueAsync(() => Task.FromResult(down.Elapsed > fleet.System.Options.Consumer.AckWait.Value), TimeSpan.FromSeconds(10));
            server = await NatsServerProcess.StartAsync(server.StoreDir, server.Port, Ct);
            fleet.Journal.Release.SetResult();

            var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(30), Ct);
            job!.Status.ShouldBe(JobStatus.Completed);
            job.Attempts.ShouldBe(1);
            fleet.Journal.Calls.ShouldBe(1);
        }
        finally
        {
            await server.DisposeAsync();
        }
    }

    [Fact]
    public async Task A_notification_for_a_missing_job_is_acknowledged_without_running_or_a_dead_letter()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        await fleet.AddAgentAsync("a1");
        var missing = Guid.NewGuid();
        var subject = $"{fleet.System.Options.Stream.SubjectPrefix}.query._any.{missing:D}";

        await JobPublisher.PublishAsync(fleet.System.Buckets.JetStream, subject, new JobNotification(missing, 1), Ct);

        await Eventually.TrueAsync(async () => (await AnyConsumerAsync(fleet)).NumAckPending == 0 && (await AnyConsumerAsync(fleet)).NumPending == 0);
        (await fleet.System.Client.GetStatsAsync(Ct)).DlqCount.ShouldBe(0);
        fleet.Journal.Runs.ShouldBeEmpty();
        var store = await fleet.System.Buckets.JobsAsync(Ct);
        (await store.TryGetEntryAsync<byte[]>(JobKeys.Claim(missing, 1, JobSubjects.AnyRoute, "a1"), cancellationToken: Ct)).Success.ShouldBeFalse();
    }

    [Fact]
    public async Task A_job_that_always_fails_transiently_is_dead_lettered_after_max_deliver()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.TransientFailures = int.MaxValue;
        await fleet.AddAgentAsync("a1");

        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull();
        job.Status.ShouldBe(JobStatus.Dlq);
        job.Error!.ShouldContain("transient failure 3");
        fleet.Journal.Calls.ShouldBe(fleet.System.Options.Consumer.MaxDeliver);
        var letter = await NextDeadLetterAsync(fleet);
        letter.JobId.ShouldBe(id);
        letter.Operation.ShouldBe(OperationTypes.HostnameGet);
        letter.TargetHostname.ShouldBe("_any");
        letter.Attempts.ShouldBe(3);
        (await fleet.System.Client.GetStatsAsync(Ct)).DlqCount.ShouldBe(1);
    }

    [Fact]
    public async Task Counts_stay_exact_across_a_restart_of_the_api_side_a_delete_and_a_retry()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.TransientFailures = 3;
        await fleet.AddAgentAsync("a1");
        var client = fleet.System.Client;
        var dead = (await client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        (await client.WaitForCompletionAsync(dead, TimeSpan.FromSeconds(20), Ct))!.Status.ShouldBe(JobStatus.Dlq);
        var done = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            var id = (await client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
            (await client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct))!.Status.ShouldBe(JobStatus.Completed);
            done.Add(id);
        }

        var before = await client.GetStatsAsync(Ct);
        before.TotalJobs.ShouldBe(4);
        before.StatusCounts[JobStatus.Completed].ShouldBe(3);
        before.StatusCounts[JobStatus.Dlq].ShouldBe(1);
        before.DlqCount.ShouldBe(1);

        await using (var restarted = await HostOps.Testing.Jobs.TestJobSystem.StartAsync(nats.Url, fleet.System.Configuration))
        {
            var after = await restarted.Client.GetStatsAsync(Ct);
            after.TotalJobs.ShouldBe(before.TotalJobs);
            after.StatusCounts.ShouldBe(before.StatusCounts);
            after.OperationCounts.ShouldBe(before.OperationCounts);
            after.DlqCount.ShouldBe(1);
        }

        (await client.DeleteAsync(done[0], Ct)).ShouldBeTrue();
        var retry = await client.RetryAsync(dead, Ct);
        retry.Result.ShouldBe(RetryResult.Retried);
        retry.Attempt.ShouldBe(2);
        var retried = await client.WaitForCompletionAsync(dead, TimeSpan.FromSeconds(20), Ct);
        retried!.Status.ShouldBe(JobStatus.Completed);
        retried.Attempts.ShouldBe(2);

        var final = await client.GetStatsAsync(Ct);
        final.TotalJobs.ShouldBe(3);
        final.StatusCounts[JobStatus.Completed].ShouldBe(3);
        final.StatusCounts[JobStatus.Dlq].ShouldBe(0);
        final.DlqCount.ShouldBe(0);
        (await client.ListAsync(JobStatus.Completed, 10, 0, Ct)).TotalItems.ShouldBe(3);
        (await client.RetryAsync(done[1], Ct)).Result.ShouldBe(RetryResult.Conflict);
        (await client.RetryAsync(done[0], Ct)).Result.ShouldBe(RetryResult.NotFound);
    }

    private static async Task WaitForStatusAsync(AgentFleet fleet, Guid id, string status)
    {
        for (var i = 0; i < 100 && (await fleet.System.Client.GetAsync(id, Ct))?.Status != status; i++)
        {
            await Task.Delay(50, Ct);
        }
    }

    private static async Task<ConsumerInfo> AnyConsumerAsync(AgentFleet fleet) =>
        (await fleet.System.Buckets.JetStream.GetConsumerAsync(fleet.System.Options.Stream.Name, "hostops-any", Ct)).Info;

    private static async Task<DeadLetter> NextDeadLetterAsync(AgentFleet fleet)
    {
        var consumer = await fleet.System.Buckets.JetStream.CreateOrUpdateConsumerAsync(
            fleet.System.Options.Dlq.Name, new ConsumerConfig("test-reader") { DurableName = "test-reader" }, Ct);
        await foreach (var msg in consumer.FetchAsync<byte[]>(new NATS.Client.JetStream.NatsJSFetchOpts { MaxMsgs = 1, Expires = TimeSpan.FromSeconds(10) }, cancellationToken: Ct))
        {
            return JsonSerializer.Deserialize(msg.Data, HostOpsJsonContext.Default.DeadLetter)!;
        }

        throw new TimeoutException("no dead letter arrived");
    }
}
