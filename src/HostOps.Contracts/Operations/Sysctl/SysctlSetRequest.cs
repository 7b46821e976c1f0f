namespace HostOps.Contracts.Operations.Sysctl;

/// <summary>Input of <c>sysctl.set.do</c>: the key, its new value, and whether to keep it across reboots.</summary>
public sealed record SysctlSetRequest : ChangeRequest
{
    public required string Key { get; init; }

    public required string Value { get; init; }

    /// <summary>Also write it to HostOps' file under /etc/sysctl.d, so it is set again at boot.</summary>
    public bool Persist { get; init; }
}
