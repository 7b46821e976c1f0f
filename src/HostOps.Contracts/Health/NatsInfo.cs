namespace HostOps.Contracts.Health;

public sealed record NatsInfo(string Url, string Version);
