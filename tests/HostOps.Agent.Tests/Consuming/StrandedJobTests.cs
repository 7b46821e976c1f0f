using HostOps.Agent.Consuming;
using HostOps.Agent.Operations;
using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Client;
using HostOps.Jobs.Index;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Agents;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>No job is stranded: the API moves on jobs never published, abandoned by their agent, or deleted in flight.</summary>
public sealed class StrandedJobTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_job_stored_but_never_published_is_published_by_the_sweep()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        await fleet.AddAgentAsync("a1");

        var id = await StoreWithoutPublishingAsync(fleet);

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(15), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        job.Attempts.ShouldBe(1);
        fleet.Journal.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task Retry_publishes_a_job_that_was_never_published_and_refuses_one_still_queued()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        var queued = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "offline", Ct)).JobId;
        var unpublished = await StoreWithoutPublishingAsync(fleet);

        var refused = await fleet.System.Client.RetryAsync(queued, Ct);
        refused.Result.ShouldBe(RetryResult.Conflict);
        refused.Reason!.ShouldContain("queued");
        (await fleet.System.Client.RetryAsync(unpublished, Ct)).Result.ShouldBe(RetryResult.Retried);

        await fleet.AddAgentAsync("a1");
        (await fleet.System.Client.WaitForCompletionAsync(unpublished, TimeSpan.FromSeconds(5), Ct))!.Status.ShouldBe(JobStatus.Completed);
    }

    [Fact]
    public async Task A_job_held_by_an_agent_that_restarted_is_retried_before_its_heartbeat_would_expire()
    {
        var configuration = HostOps.Testing.Jobs.TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:registry:ttl"] = "60s" });
        await using var system = await HostOps.Testing.Jobs.TestJobSystem.StartAsync(nats.Url, configuration);
        var journal = new RecordingHandler.Journal { BlockOn = "phoenix" };
        var first = await StartRecordingAgentAsync(configuration, "phoenix", journal);
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "phoenix", Ct)).JobId;
        await journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);
        await first.CrashAsync();
        journal.BlockOn = null;

        await using var second = await StartRecordingAgentAsync(configuration, "phoenix", journal);

        var job = await system.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(15), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        job.Attempts.ShouldBe(2);
        journal.Calls.ShouldBe(2);
        await first.DisposeAsync();
    }

    [Fact]
    public async Task An_attempt_claimed_by_a_live_agent_that_no_longer_holds_it_is_retried()
    {
        var configuration = HostOps.Testing.Jobs.TestJobConfiguration.Create(nats.Url, new Dictionary<string, string?> { ["job:registry:ttl"] = "60s" });
        await using var system = await HostOps.Testing.Jobs.TestJobSystem.StartAsync(nats.Url, configuration);
        var journal = new RecordingHandler.Journal();
        await using var agent = await StartRecordingAgentAsync(configuration, "a1", journal);

        // What an agent that lost track of its attempt (an error after its claim) leaves: a claim it does not hold.
        var id = Guid.CreateVersion7();
        var operation = new JobOperation(OperationTypes.HostnameGet);
        var target = JobTarget.TryParse("a1", out _)!;
        var subject = JobSubjects.For(system.Options.Stream.SubjectPrefix, operation.Type, target, id);
        var store = await system.Buckets.JobsAsync(Ct);
        await store.CreateAsync(
            JobKeys.Definition(id, JobSubjects.Route(target)), new JobDefinition(id, operation, "a1", subject, DateTimeOffset.UtcNow, null), JobSerializers.Definition, Ct);
        await store.PutAsync(
            JobKeys.Claim(id, 1, JobSubjects.Route(target), "a1"), new JobEvent(JobEventKind.Started, 1, DateTimeOffset.UtcNow, "a1"), JobSerializers.Event, Ct);

        var job = await system.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(15), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        job.Attempts.ShouldBe(2);
        journal.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_job_abandoned_on_its_last_attempt_is_dead_lettered_with_the_reason()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url, new Dictionary<string, string?> { ["job:consumer:max_deliver"] = "1" });
        fleet.Journal.BlockOn = "doomed";
        var doomed = await fleet.AddAgentAsync("doomed");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "doomed", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await doomed.CrashAsync();

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job.ShouldNotBeNull($"still {(await fleet.System.Client.GetAsync(id, Ct))?.Status}");
        job.Status.ShouldBe(JobStatus.Dlq);
        job.Error!.ShouldContain("agent doomed stopped while running attempt 1; gave up after 1 attempts");
        (await fleet.System.Client.GetStatsAsync(Ct)).DlqCount.ShouldBe(1);
    }

    [Fact]
    public async Task A_notification_every_holder_of_which_stopped_is_dead_lettered_not_dropped()
    {
        await using var fleet = await AgentFleet.StartAsync(
            nats.Url, new Dictionary<string, string?> { ["job:consumer:max_deliver"] = "2", ["job:consumer:ack_wait"] = "300ms" });
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;

        // What agents killed while holding it leave: deliveries neither acked nor nakked, one more than max_deliver.
        var consumer = await fleet.System.Buckets.JetStream.GetConsumerAsync(fleet.System.Options.Stream.Name, JobConsumers.SharedName, Ct);
        for (var delivery = 1UL; delivery <= 3; delivery++)
        {
            var held = await consumer.NextAsync<string>(cancellationToken: Ct);
            held.ShouldNotBeNull($"delivery {delivery} did not come");
            held.Metadata!.Value.NumDelivered.ShouldBe(delivery);
        }

        await fleet.AddAgentAsync("a1");

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(15), Ct);
        job.ShouldNotBeNull($"still {(await fleet.System.Client.GetAsync(id, Ct))?.Status}");
        job.Status.ShouldBe(JobStatus.Dlq);
        job.Error!.ShouldContain("delivered 4 times");
        fleet.Journal.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task A_claim_and_outcome_the_job_index_missed_are_folded_in_by_the_sweep()
    {
        await using var system = await HostOps.Testing.Jobs.TestJobSystem.StartAsync(nats.Url);
        var id = (await system.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        var index = system.Services.GetRequiredService<JobIndex>();
        await Eventually.TrueAsync(() => Task.FromResult(index.Find(id) is not null), what: "the job indexed");

        // The view stops following the bucket: the claim and the outcome below are writes it misses.
        await index.StopAsync(Ct);
        var store = await system.Buckets.JobsAsync(Ct);
        var key = JobKeys.Claim(id, 1, JobSubjects.AnyRoute, "a1");
        var claimed = await store.CreateAsync(key, new JobEvent(JobEventKind.Started, 1, DateTimeOffset.UtcNow, "a1"), JobSerializers.Event, cancellationToken: Ct);
        var response = new JobHostResponse(JobStatus.Completed, null, null, "a1");
        await store.UpdateAsync(
            key, new JobEvent(JobEventKind.Completed, 1, DateTimeOffset.UtcNow, "a1", null, 1, response), claimed, JobSerializers.Event, cancellationToken: Ct);

        await Eventually.TrueAsync(
            () => Task.FromResult(index.Find(id)?.View.Status == JobStatus.Completed), what: $"the index to show it completed (it shows {index.Find(id)?.View.Status})");
    }

    [Fact]
    public async Task A_broadcast_part_held_by_a_gone_agent_is_marked_failed_and_the_rest_stands()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "doomed";
        var doomed = await fleet.AddAgentAsync("doomed");
        await fleet.AddAgentAsync("fine");
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_all", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        await doomed.CrashAsync();

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(20), Ct);
        job!.Status.ShouldBe(JobStatus.PartialFailure);
        job.WorkerStates["doomed"].Error!.ShouldContain("stopped while running");
        job.Responses.Keys.ShouldBe(["fine"], "the gone host answered nothing");
        fleet.Journal.Runs.Count(h => h == "fine").ShouldBe(1);
    }

    [Fact]
    public async Task Deleting_a_queued_job_leaves_no_notification_keys_or_dead_letter()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        var client = fleet.System.Client;
        var id = (await client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "later", Ct)).JobId;

        (await client.DeleteAsync(id, Ct)).ShouldBeTrue();

        (await client.GetAsync(id, Ct)).ShouldBeNull();
        await fleet.AddAgentAsync("later");
        var stream = await fleet.System.Buckets.JetStream.GetStreamAsync(fleet.System.Options.Stream.Name, cancellationToken: Ct);
        stream.Info.State.Messages.ShouldBe(0L);
        await AssertNothingLeftAsync(fleet, id);
        fleet.Journal.Calls.ShouldBe(0);
    }

    [Fact]
    public async Task Deleting_a_running_job_leaves_no_keys_once_its_agent_finishes()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "busy";
        var busy = await fleet.AddAgentAsync("busy");
        var client = fleet.System.Client;
        var id = (await client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        (await client.DeleteAsync(id, Ct)).ShouldBeTrue();
        (await client.GetAsync(id, Ct)).ShouldBeNull();
        fleet.Journal.Release.TrySetResult();

        await Eventually.TrueAsync(() => Task.FromResult(busy.Services.GetRequiredService<AgentWorker>().Running == 0), what: "the running job ended");
        await AssertNothingLeftAsync(fleet, id);
    }

    private static async Task AssertNothingLeftAsync(AgentFleet fleet, Guid id)
    {
        (await KeysAsync(await fleet.System.Buckets.JobsAsync(Ct), $"*.{id:D}.>")).ShouldBeEmpty();
        (await KeysAsync(await fleet.System.Buckets.JobsAsync(Ct), $"{JobKeys.DefinitionPrefix}>")).ShouldNotContain(k => k.EndsWith($".{id:D}", StringComparison.Ordinal));
        var stats = await fleet.System.Client.GetStatsAsync(Ct);
        stats.TotalJobs.ShouldBe(0);
        stats.DlqCount.ShouldBe(0);
        stats.StatusCounts.Values.Sum().ShouldBe(0);
    }

    private static async Task<List<string>> KeysAsync(INatsKVStore store, string filter)
    {
        var keys = new List<string>();
        await foreach (var key in store.GetKeysAsync([filter], cancellationToken: Ct))
        {
            keys.Add(key);
        }

        return keys;
    }

    // What a crash of the API between its two writes leaves: the definition, and no notification.
    private static async Task<Guid> StoreWithoutPublishingAsync(AgentFleet fleet)
    {
        var id = Guid.CreateVersion7();
        var operation = new JobOperation(OperationTypes.HostnameGet);
        var subject = JobSubjects.For(fleet.System.Options.Stream.SubjectPrefix, operation.Type, JobTarget.Any, id);
        var store = await fleet.System.Buckets.JobsAsync(Ct);
        await store.CreateAsync(JobKeys.Definition(id, JobSubjects.AnyRoute), new JobDefinition(id, operation, "_any", subject, DateTimeOffset.UtcNow, null), JobSerializers.Definition, Ct);
        await Eventually.TrueAsync(async () => await fleet.System.Client.GetAsync(id, Ct) is not null);
        return id;
    }

    private static Task<TestAgent> StartRecordingAgentAsync(Microsoft.Extensions.Configuration.IConfiguration configuration, string hostname, RecordingHandler.Journal journal) =>
        TestAgent.StartAsync(configuration, hostname, configureServices: services =>
        {
            services.AddSingleton(journal);
            services.AddOperationHandler<RecordingHandler>();
        });
}
