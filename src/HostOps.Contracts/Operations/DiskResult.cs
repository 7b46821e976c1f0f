namespace HostOps.Contracts.Operations;

public sealed record DiskResult(string Hostname, IReadOnlyList<DiskInfo> Disks);
