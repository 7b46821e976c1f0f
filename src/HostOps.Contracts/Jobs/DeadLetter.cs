namespace HostOps.Contracts.Jobs;

/// <summary>The message written to the dead-letter stream when no worker could finish a job.</summary>
public sealed record DeadLetter(
    Guid JobId,
    string Operation,
    string TargetHostname,
    string Error,
    int Attempts,
    DateTimeOffset DeadLetteredAt,
    string? Hostname);
