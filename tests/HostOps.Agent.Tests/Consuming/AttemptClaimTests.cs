using HostOps.Agent.Consuming;
using HostOps.Contracts.Jobs;
using HostOps.Jobs.Store;
using HostOps.Testing.Jobs;
using HostOps.Testing.Nats;
using NATS.Client.KeyValueStore;
using Shouldly;
using Xunit;

namespace HostOps.Agent.Tests.Consuming;

/// <summary>An attempt's claim against a real bucket: taken once, completed once, and a lost answer is not a loss.</summary>
public sealed class AttemptClaimTests(NatsFixture nats) : IClassFixture<NatsFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task An_outcome_written_again_after_its_answer_was_lost_counts_as_stored()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var (store, key, claim) = await TakeClaimAsync(system);
        var response = new JobHostResponse(JobStatus.Completed, System.Text.Json.JsonDocument.Parse("""{"hostname":"a1"}""").RootElement, null, "a1");
        var outcome = new JobEvent(JobEventKind.Completed, 1, DateTimeOffset.UtcNow, "a1", null, 12.5, response);

        (await claim.CompleteAsync(outcome, Ct)).ShouldBeTrue();

        // What ResultWrites does when the first write's answer timed out: the same write again, on the old revision.
        (await claim.CompleteAsync(outcome, Ct)).ShouldBeTrue();
        (await claim.CompleteAsync(outcome with { Timestamp = outcome.Timestamp.AddMilliseconds(1) }, Ct)).ShouldBeFalse();
        (await store.GetEntryAsync(key, serializer: JobSerializers.Event, cancellationToken: Ct)).Value!.Response!.Data!.Value.GetProperty("hostname").GetString().ShouldBe("a1");
    }

    [Fact]
    public async Task A_claim_of_a_deleted_job_cannot_be_completed()
    {
        await using var system = await TestJobSystem.StartAsync(nats.Url);
        var (store, key, claim) = await TakeClaimAsync(system);

        await store.PurgeAsync(key, cancellationToken: Ct);

        (await claim.CompleteAsync(new JobEvent(JobEventKind.Completed, 1, DateTimeOffset.UtcNow, "a1"), Ct)).ShouldBeFalse();
    }

    // Attempt 1 of a new _any job, claimed by a1.
    private static async Task<(INatsKVStore Store, string Key, AttemptClaim Claim)> TakeClaimAsync(TestJobSystem system)
    {
        var store = await system.Buckets.JobsAsync(Ct);
        var key = JobKeys.Claim(Guid.CreateVersion7(), 1, "_any", "a1");
        var claim = await AttemptClaim.TryTakeAsync(store, key, new JobEvent(JobEventKind.Started, 1, DateTimeOffset.UtcNow, "a1"), Ct);
        return (store, key, claim.ShouldNotBeNull());
    }
}
