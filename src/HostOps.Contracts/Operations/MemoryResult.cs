namespace HostOps.Contracts.Operations;

public sealed record MemoryResult(string Hostname, MemoryInfo Memory);
