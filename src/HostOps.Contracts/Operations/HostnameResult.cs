namespace HostOps.Contracts.Operations;

public sealed record HostnameResult(string Hostname);
