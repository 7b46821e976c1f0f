namespace HostOps.Contracts.Jobs;

/// <summary>
/// One status event of a job, stored under its own key so events are append-only.
/// <c>Kind</c> is one of <see cref="JobEventKind"/>; <c>Attempt</c> starts at 1 and grows with each retry.
/// </summary>
public sealed record JobEvent(
    string Kind,
    int Attempt,
    DateTimeOffset Timestamp,
    string? Hostname = null,
    string? Error = null,
    double? DurationMs = null);
