namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>One host's answer to <c>sysctl.list.get</c>: its readable kernel parameters, by key.</summary>
public sealed record SysctlListResult : HostOutcome
{
    public IReadOnlyList<SysctlParameter>? Parameters { get; init; }
}
