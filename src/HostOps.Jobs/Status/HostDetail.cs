namespace HostOps.Jobs.Status;

/// <summary>What a job's view shows beyond its progress: the error and duration of one event.</summary>
public readonly record struct HostDetail(string? Error, double? DurationMs);
