namespace HostOps.Contracts.Operations;

public sealed record LoadResult(string Hostname, LoadAverage LoadAverage);
