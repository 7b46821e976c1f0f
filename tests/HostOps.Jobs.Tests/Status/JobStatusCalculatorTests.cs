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

    private static JobDefinition Single() => new(Guid.NewGuid(), new JobOperation(OperationTypes.HostnameGet), "_any", "jobs.query._any", T0, null);

    private static JobDefinition Broadcast(params string[] hosts) =>
        new(Guid.NewGuid(), new JobOperation(OperationTypes.HostnameGet), "_all", "jobs.query._all", T0, hosts);

    private static JobEvent Event(string kind, string host, int second) =>
        new(kind, 1, T0.AddSeconds(second), host, kind is JobEventKind.Failed or JobEventKind.Dlq ? "boom" : null);
}
