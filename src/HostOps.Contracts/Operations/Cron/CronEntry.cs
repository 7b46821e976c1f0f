namespace HostOps.Contracts.Operations.Cron;

/// <summary>One HostOps cron entry: its name, schedule, user and command.</summary>
public sealed record CronEntry
{
    public required string Name { get; init; }

    public string? Schedule { get; init; }

    public string? User { get; init; }

    public string? Command { get; init; }
}
