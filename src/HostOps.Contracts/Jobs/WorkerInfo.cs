namespace HostOps.Contracts.Jobs;

/// <summary>One live agent, from its heartbeat.</summary>
public sealed record WorkerInfo(string Hostname, IReadOnlyDictionary<string, string> Labels, DateTimeOffset LastSeen, string Version);
