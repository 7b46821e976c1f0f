namespace HostOps.Contracts.Operations;

/// <summary>Result of <c>system.status.get</c>: every system reading in one answer.</summary>
public sealed record SystemStatusResult(
    string Hostname,
    string Uptime,
    LoadAverage LoadAverage,
    MemoryInfo Memory,
    IReadOnlyList<DiskInfo> Disks,
    OsInfo OsInfo);
