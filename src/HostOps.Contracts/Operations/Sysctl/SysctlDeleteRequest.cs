namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>Input of <c>sysctl.delete.do</c>: the key whose persisted entry to remove (the running value stays).</summary>
public sealed record SysctlDeleteRequest : ChangeRequest
{
    public required string Key { get; init; }
}
