namespace HostOps.Contracts.Jobs;

/// <summary>
/// The immutable part of a job, stored once under <c>jobs.&lt;id&gt;</c> in the job bucket.
/// <c>ExpectedHosts</c> is set for broadcasts: the live agents that matched the route at submit time.
/// </summary>
public sealed record JobDefinition(
    Guid Id,
    JobOperation Operation,
    string TargetHostname,
    string Subject,
    DateTimeOffset Created,
    IReadOnlyList<string>? ExpectedHosts);
