namespace HostOps.Jobs.Status;

/// <summary>A job's status as computed from its events.</summary>
public sealed record JobStatusView(
    string Status,
    int Attempt,
    IReadOnlyDictionary<string, HostState> Hosts,
    string? LastHostname,
    string? Error,
    DateTimeOffset Updated);
