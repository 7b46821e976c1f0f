namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>One kernel parameter: its running value and, when HostOps persisted one, the value set at boot.</summary>
public sealed record SysctlParameter
{
    public required string Key { get; init; }

    public string? Value { get; init; }

    public string? Persisted { get; init; }
}
