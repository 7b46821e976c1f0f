namespace HostOps.Contracts.Jobs;

/// <summary>Answer of <c>GET /job/status</c>.</summary>
public sealed record QueueStats(
    int TotalJobs,
    IReadOnlyDictionary<string, int> StatusCounts,
    IReadOnlyDictionary<string, int> OperationCounts,
    long DlqCount);
