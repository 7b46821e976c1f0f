namespace HostOps.Contracts.Operations;

public sealed record OsInfo(string Distribution, string Version);
