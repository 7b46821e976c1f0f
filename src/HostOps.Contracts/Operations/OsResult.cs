namespace HostOps.Contracts.Operations;

public sealed record OsResult(string Hostname, OsInfo OsInfo);
