namespace HostOps.Contracts.Jobs;

/// <summary>Answer of <c>GET /job</c>: one page of jobs, newest first.</summary>
public sealed record JobList(int TotalItems, IReadOnlyList<JobDetail> Items);
