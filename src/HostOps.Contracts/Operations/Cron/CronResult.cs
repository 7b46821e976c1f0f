namespace HostOps.Contracts.Operations.Cron;

/// <summary>
/// One host's answer about one entry (read, set, deleted): the entry as it is after the operation (on a dry run, as
/// it would be); after a delete only the name.
/// </summary>
public sealed record CronResult : HostOutcome
{
    public string? Name { get; init; }

    public string? Schedule { get; init; }

    public string? User { get; init; }

    public string? Command { get; init; }
}
