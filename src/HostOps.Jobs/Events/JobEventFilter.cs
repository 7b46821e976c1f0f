using HostOps.Contracts.Jobs;

namespace HostOps.Jobs.Events;

/// <summary>Which changes a stream wants: one job, or those matching status, operation type and target (null = any).</summary>
public sealed record JobEventFilter(Guid? JobId = null, string? Status = null, string? Operation = null, string? TargetHostname = null)
{
    public bool Matches(JobChangeEvent change) =>
        (JobId is not { } id || change.JobId == id)
        && (Status is null || string.Equals(change.Status, Status, StringComparison.Ordinal))
        && (Operation is null || string.Equals(change.OperationType, Operation, StringComparison.Ordinal))
        && (TargetHostname is null || string.Equals(change.TargetHostname, TargetHostname, StringComparison.Ordinal));
}
