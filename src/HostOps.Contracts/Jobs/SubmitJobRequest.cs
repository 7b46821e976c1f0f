namespace HostOps.Contracts.Jobs;

/// <summary>Body of <c>POST /job</c>.</summary>
public sealed record SubmitJobRequest(JobOperation? Operation, string? TargetHostname = null);
