namespace HostOps.Contracts.Jobs;

/// <summary>
/// The immutable part of a job, stored once under <c>jobs.&lt;id&gt;</c> in the job bucket.
/// <c>ExpectedHosts</c> is set for broadcasts: the live agents that matched the route at submit time.
/// <c>TraceId</c> is the W3C trace id of the submit when it was traced (docs/metrics.md#tracing).
/// </summary>
public sealed record JobDefinition(
    Guid Id,
    JobOperation Operation,
    string TargetHostname,
    string Subject,
    DateTimeOffset Created,
    IReadOnlyList<string>? ExpectedHosts,
    string? TraceId = null);
