namespace HostOps.Contracts.Jobs;

/// <summary>Answer of <c>POST /job</c>.</summary>
public sealed record SubmitJobResponse(Guid JobId, string Status, ulong Revision, DateTimeOffset Timestamp);
