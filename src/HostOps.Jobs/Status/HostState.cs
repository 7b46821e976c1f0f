namespace HostOps.Jobs.Status;

/// <summary>Where one host stands on the current attempt of a job.</summary>
public sealed record HostState(string Hostname, string Status, string? Error, double? DurationMs, DateTimeOffset Updated);
