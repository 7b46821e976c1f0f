namespace HostOps.Contracts.Agents;

/// <summary>What an agent writes into the agent registry every few seconds.</summary>
public sealed record AgentHeartbeat(
    string Hostname,
    IReadOnlyDictionary<string, string> Labels,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeen,
    int RunningJobs);
