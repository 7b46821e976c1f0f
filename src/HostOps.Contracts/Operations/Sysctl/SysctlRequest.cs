namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>Input of <c>sysctl.detail.get</c>: the key to read.</summary>
public sealed record SysctlRequest
{
    /// <summary>A dotted key: <c>net.ipv4.ip_forward</c>.</summary>
    public required string Key { get; init; }
}
