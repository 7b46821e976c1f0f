namespace HostOps.Contracts.Jobs;

/// <summary>Where one host stands on a job. <c>Duration</c> is compact text such as <c>14.637ms</c>.</summary>
public sealed record WorkerState(string Status, string? Error, string? Duration);
