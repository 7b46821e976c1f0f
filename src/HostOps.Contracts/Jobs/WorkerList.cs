namespace HostOps.Contracts.Jobs;

/// <summary>Answer of <c>GET /job/workers</c>.</summary>
public sealed record WorkerList(IReadOnlyList<WorkerInfo> Workers, int Total);
