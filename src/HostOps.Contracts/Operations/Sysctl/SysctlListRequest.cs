namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>Input of <c>sysctl.list.get</c>: an optional prefix (<c>net.ipv4</c>) the keys start with.</summary>
public sealed record SysctlListRequest
{
    public string? Prefix { get; init; }
}
