namespace HostOps.Agent.Operations;

/// <summary>Who this agent is: its hostname (configured, else the machine's) and its labels.</summary>
public sealed record AgentIdentity(string Hostname, IReadOnlyDictionary<string, string> Labels);
