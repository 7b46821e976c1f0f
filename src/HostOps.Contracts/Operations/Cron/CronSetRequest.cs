namespace HostOps.Contracts.Operations.Cron;

/// <summary>Input of <c>cron.set.do</c>: the entry's name, schedule, user and command.</summary>
public sealed record CronSetRequest : ChangeRequest
{
    public required string Name { get; init; }

    /// <summary>Five fields (<c>*/5 * * * *</c>) or an @ word (<c>@daily</c>).</summary>
    public required string Schedule { get; init; }

    /// <summary>The user the command runs as; it must exist on the host.</summary>
    public required string User { get; init; }

    public required string Command { get; init; }
}
