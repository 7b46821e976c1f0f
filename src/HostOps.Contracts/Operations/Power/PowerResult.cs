namespace HostOps.Contracts.Operations.Power;

/// <summary>One host's answer to a power operation, given before the host goes down.</summary>
public sealed record PowerResult : HostOutcome
{
    /// <summary>When the host reboots or powers off (on a dry run: would).</summary>
    public DateTimeOffset? ScheduledAt { get; init; }

    /// <summary>The systemd timer unit that will do it (stop it to cancel); absent where <c>shutdown</c> scheduled it.</summary>
    public string? Unit { get; init; }
}
