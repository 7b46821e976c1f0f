namespace HostOps.Contracts.Health;

public sealed record StreamInfo(string Name, ulong Messages, ulong Bytes, long Consumers);
