namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>
/// One host's answer about one key (read, set, persisted entry removed): its running value and the value HostOps
/// persisted for boot, absent when none. On a dry run, the values it would have.
/// </summary>
public sealed record SysctlResult : HostOutcome
{
    public string? Key { get; init; }

    public string? Value { get; init; }

    public string? Persisted { get; init; }
}
