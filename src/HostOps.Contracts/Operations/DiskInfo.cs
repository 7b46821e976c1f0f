namespace HostOps.Contracts.Operations;

/// <summary>One mounted filesystem; sizes in bytes.</summary>
public sealed record DiskInfo(string Name, ulong Total, ulong Used, ulong Free);
