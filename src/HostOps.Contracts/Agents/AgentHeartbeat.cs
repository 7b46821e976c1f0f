namespace HostOps.Contracts.Agents;

/// <summary>
/// What an agent writes into the agent registry every few seconds. <c>HeldAttempts</c> names the attempts it holds
/// (<c>&lt;job id&gt;/&lt;attempt&gt;</c>) as of <c>LastSeen</c>: an attempt claimed before that time and not listed
/// has been abandoned by this agent.
/// </summary>
public sealed record AgentHeartbeat(
    string Hostname,
    IReadOnlyDictionary<string, string> Labels,
    string Version,
    DateTimeOffset StartedAt,
    DateTimeOffset LastSeen,
    int RunningJobs,
    IReadOnlyList<string>? HeldAttempts = null);
