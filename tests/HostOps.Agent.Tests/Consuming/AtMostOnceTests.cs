using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Attempts;
using HostOps.Jobs.Index;
using HostOps.Jobs.Routing;
using HostOps.Jobs.Store;
using HostOps.Testing;
using HostOps.Testing.Nats;
using Microsoft.Extensions.DependencyInjection;
using NATS.Client.JetStream;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>One attempt of a job runs at most once: duplicates, stale attempts and buffered copies never run it again.</summary>
public sealed class AtMostOnceTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_duplicate_notification_of_one_attempt_runs_it_once_across_agents()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        var subject = $"{fleet.System.Options.Stream.SubjectPrefix}.query._any.{id:D}";
        for (var copy = 0; copy < 3; copy++)
        {
            // Other message ids, so the server's duplicate window lets them through, as a republish after it would.
            var ack = await fleet.System.Buckets.JetStream.PublishAsync(subject, $"{id:D}/1", opts: new NatsJSPubOpts { MsgId = $"copy-{copy}" }, cancellationToken: Ct);
            ack.EnsureSuccess();
        }

        await fleet.AddAgentAsync("a1");
        await fleet.AddAgentAsync("a2");

        (await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(10), Ct))!.Status.ShouldBe(JobStatus.Completed);
        await Eventually.TrueAsync(async () => await ConsumerIdleAsync(fleet), what: "every copy acknowledged");
        fleet.Journal.Calls.ShouldBe(1);
    }

    [Fact]
    public async Task A_notification_of_an_attempt_that_a_retry_superseded_is_acknowledged_without_running()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        var id = (await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct)).JobId;
        var attempts = fleet.System.Services.GetRequiredService<JobAttempts>();
        var index = fleet.System.Services.GetRequiredService<JobIndex>();
        await Eventually.TrueAsync(() => Task.FromResult(index.Find(id) is not null), what: "the job indexed");
        var definition = await attempts.ReadDefinitionAsync(index.Find(id)!, Ct);

        // Attempt 2 starts while attempt 1's notification is still queued, unclaimed.
        (await attempts.StartNextAsync(definition!, 1, Ct)).ShouldNotBeNull();
        await fleet.AddAgentAsync("a1");

        var job = await fleet.System.Client.WaitForCompletionAsync(id, TimeSpan.FromSeconds(15), Ct);
        job!.Status.ShouldBe(JobStatus.Completed);
        job.Attempts.ShouldBe(2);
        await Eventually.TrueAsync(async () => await ConsumerIdleAsync(fleet), what: "both notifications acknowledged");
        fleet.Journal.Calls.ShouldBe(1);
        var store = await fleet.System.Buckets.JobsAsync(Ct);
        var fence = await store.GetEntryAsync(JobKeys.Claim(id, 1, JobSubjects.AnyRoute, "a1"), serializer: JobSerializers.Event, cancellationToken: Ct);
        fence.Value!.Kind.ShouldBe(JobEventKind.Retried);
        fence.Value.Attempt.ShouldBe(2);
    }

    [Fact]
    public async Task An_agent_holds_no_more_notifications_than_it_has_free_job_slots()
    {
        await using var fleet = await AgentFleet.StartAsync(nats.Url);
        fleet.Journal.BlockOn = "busy";
        await fleet.AddAgentAsync("busy", maxJobs: 1);
        for (var i = 0; i < 4; i++)
        {
            await fleet.System.Client.SubmitAsync(new JobOperation(OperationTypes.HostnameGet), "_any", Ct);
        }

        await fleet.Journal.Blocked.Task.WaitAsync(TimeSpan.FromSeconds(10), Ct);

        // Let several pulls go by: with its one slot taken, the agent must not fetch the other three.
        await Task.Delay(TimeSpan.FromSeconds(2.5), Ct);
        var info = (await fleet.System.Buckets.JetStream.GetConsumerAsync(fleet.System.Options.Stream.Name, "hostops-any", Ct)).Info;
        info.NumAckPending.ShouldBe(1);
        info.NumPending.ShouldBe(3UL);
        fleet.Journal.Release.TrySetResult();
    }

    private static async Task<bool> ConsumerIdleAsync(AgentFleet fleet)
    {
        var info = (await fleet.System.Buckets.JetStream.GetConsumerAsync(fleet.System.Options.Stream.Name, "hostops-any", Ct)).Info;
        return info.NumAckPending == 0 && info.NumPending == 0;
    }
}
