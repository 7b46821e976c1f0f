using HostOps.Contracts.Jobs;
using HostOps.Contracts.Operations;
using HostOps.Jobs.Status;
using Shouldly;
using Xunit;

namespace HostOps.Jobs.Tests.Status;

public sealed class JobStatusCalculatorTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_job_without_events_is_unprocessed() =>
        JobStatusCalculator.Compute(Single(), []).Status.ShouldBe(JobStatus.Unprocessed);

    [Theory]
    [InlineData(JobEventKind.Started, JobStatus.Processing)]
    [InlineData(JobEventKind.Completed, JobStatus.Completed)]
    [InlineData(JobEventKind.Failed, JobStatus.Failed)]
    [InlineData(JobEventKind.Dlq, JobStatus.Dlq)]
    public void A_single_target_job_takes_its_latest_event(string kind, string status) =>
        JobStatusCalculator.Compute(Single(), [Event(JobEventKind.Started, "a", 1), Event(kind, "a", 2)]).Status.ShouldBe(status);

    [Fact]
    public void A_late_started_event_never_undoes_a_terminal_one() =>
        JobStatusCalculator.Compute(Single(), [Event(JobEventKind.Completed, "a", 1), Event(JobEventKind.Started, "a", 2)])
            .Status.ShouldBe(JobStatus.Completed);

    [Fact]
    public void A_job_finished_by_a_second_agent_is_completed()
    {
        var view = JobStatusCalculator.Compute(Single(), [Event(JobEventKind.Started, "a", 1), Event(JobEventKind.Started, "b", 2), Event(JobEventKind.Completed, "b", 3)]);

        view.Status.ShouldBe(JobStatus.Completed);
        view.Hosts["a"].Status.ShouldBe(JobStatus.Processing);
    }

    [Theory]
    [InlineData(JobEventKind.Completed, JobEventKind.Completed, JobStatus.Completed)]
    [InlineData(JobEventKind.Failed, JobEventKind.Failed, JobStatus.Failed)]
    [InlineData(JobEventKind.Completed, JobEventKind.Failed, JobStatus.PartialFailure)]
    [InlineData(JobEventKind.Completed, JobEventKind.Started, JobStatus.Processing)]
    [InlineData(JobEventKind.Completed, null, JobStatus.Processing)]
    public void A_broadcast_aggregates_its_expected_hosts(string first, string? second, string status)
    {
        var events = new List<JobEvent> { Event(first, "a", 1) };
        if (second is not null)
        {
            events.Add(Event(second, "b", 2));
        }

        JobStatusCalculator.Compute(Broadcast("a", "b"), events).Status.ShouldBe(status);
    }

    [Fact]
    public void Only_the_latest_attempt_counts()
    {
        var view = JobStatusCalculator.Compute(Single(), [Event(JobEventKind.Failed, "a", 1), new JobEvent(JobEventKind.Retried, 2, T0.AddSeconds(5))]);

        view.Status.ShouldBe(JobStatus.Unprocessed);
        view.Attempt.ShouldBe(2);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Folding_events_one_at_a_time_in_any_order_gives_the_computed_status(bool broadcast)
    {
        var random = new Random(8);
        string[] kinds = [JobEventKind.Acknowledged, JobEventKind.Started, JobEventKind.Completed, JobEventKind.Failed, JobEventKind.Dlq];
        for (var round = 0; round < 500; round++)
        {
            var definition = broadcast ? Broadcast("a", "b", "c") : Single();
            var events = Enumerable.Range(0, random.Next(0, 8)).Select(i => random.Next(10) switch
            {
                0 => new JobEvent(JobEventKind.Retried, 2, T0.AddSeconds(i * 10)),
                1 => new JobEvent(JobEventKind.Dlq, random.Next(1, 3), T0.AddSeconds(i * 10), null, "gone"),
                _ => new JobEvent(kinds[random.Next(kinds.Length)], random.Next(1, 3), T0.AddSeconds(i * 10), "abcd"[random.Next(4)].ToString(), null),
            }).ToList();
            var computed = JobStatusCalculator.Compute(definition, events);

            var progress = JobProgress.Start;
            foreach (var e in events.OrderBy(_ => random.Next()))
            {
                progress = progress.Apply(e.Kind, e.Attempt, e.Timestamp.UtcTicks, e.Hostname, definition.ExpectedHosts);
            }

            var folded = JobStatusCalculator.View(progress, definition.Created, definition.ExpectedHosts);
            folded.Status.ShouldBe(computed.Status, string.Join(", ", events));
            folded.Attempt.ShouldBe(computed.Attempt);
            folded.Updated.ShouldBe(computed.Updated);
            folded.LastHostname.ShouldBe(computed.LastHostname);
            folded.Hosts.Values.Select(h => (h.Hostname, h.Status, h.Updated)).ShouldBe(
                computed.Hosts.Values.Select(h => (h.Hostname, h.Status, h.Updated)), ignoreOrder: true);
        }
    }

    [Fact]
    public void Errors_and_durations_come_from_the_deciding_events()
    {
        var view = JobStatusCalculator.Compute(Broadcast("a", "b"), [Event(JobEventKind.Completed, "a", 1) with { DurationMs = 12.5 }, Event(JobEventKind.Failed, "b", 2)]);

        view.Status.ShouldBe(JobStatus.PartialFailure);
        view.Hosts["a"].DurationMs.ShouldBe(12.5);
        view.Error.ShouldBe("b: boom");
    }

    private static JobDefinition Single() => new(Guid.NewGuid(), new JobOperation(OperationTypes.HostnameGet), "_any", "jobs.query._any", T0, null);

    private static JobDefinition Broadcast(params string[] hosts) =>
        new(Guid.NewGuid(), new JobOperation(OperationTypes.HostnameGet), "_all", "jobs.query._all", T0, hosts);

    private static JobEvent Event(string kind, string host, int second) =>
        new(kind, 1, T0.AddSeconds(second), host, kind is JobEventKind.Failed or JobEventKind.Dlq ? "boom" : null);
}
